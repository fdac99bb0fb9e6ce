package id.amk.platform.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.lifecycle.Phase;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Idempotency-Key on every write of a servlet service with a Mongo database: the keys in the service's database
 * ({@code amk.idempotency.keep}, 72 h), the filter right after authentication, commands and their events carrying the
 * key's id, a retake looking in the event store first, and the header in the OpenAPI document.
 */
@AutoConfiguration(after = MongoDataAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(MongoTemplate.class)
@ConditionalOnProperty(name = "amk.idempotency.enabled", havingValue = "true", matchIfMissing = true)
public class IdempotencyAutoConfiguration {

    @Bean
    IdempotencyKeys idempotencyKeys(MongoTemplate mongo, @Value("${amk.idempotency.keep:PT72H}") Duration keep,
                                    @Value("${amk.idempotency.lease:PT30S}") Duration lease) {
        return new IdempotencyKeys(mongo, keep, lease, Clock.systemUTC());
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyKeys keys, MessageSource messages, ObjectMapper json,
                                                               @Value("${amk.idempotency.patience:PT10S}") Duration patience) {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(
                new IdempotencyFilter(keys, messages, json, patience));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10); // after the caller is known
        return registration;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(CorrelationDataProvider.class)
    static class AxonIdempotency {

        /** Events carry the key's id of the command that caused them. */
        @Bean
        CorrelationDataProvider idempotencyKeyOnEvents() {
            return new KeyedCommands.OnEvents();
        }

        @Bean
        ConfigurerModule idempotencyOnCommands() {
            return configurer -> configurer.onInitialize(config -> config.onStart(Phase.INSTRUCTION_COMPONENTS, () -> {
                config.commandBus().registerDispatchInterceptor(new KeyedCommands.OnDispatch());
                config.commandBus().registerHandlerInterceptor(new KeyedCommands.RetakeGuard(config::eventStore));
            }));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(GlobalOpenApiCustomizer.class)
    static class OpenApiIdempotency {

        @Bean
        GlobalOpenApiCustomizer idempotencyKeyHeader() {
            return openApi -> {
                if (openApi.getPaths() == null) {
                    return;
                }
                openApi.getPaths().values().forEach(path -> Stream.of(path.getPost(), path.getPut(), path.getPatch(), path.getDelete())
                        .filter(Objects::nonNull)
                        .forEach(operation -> operation.addParametersItem(new HeaderParameter().name(Idempotency.HEADER).required(false)
                                .schema(new StringSchema().minLength(16).maxLength(255).example("7f9c2ba4-e88f-4e3c-9a1f-0c6f1d8a2b11"))
                                .description("A key of your own (a random UUID) for this action. Sending the same request again with the "
                                        + "same key (after a lost answer, a timeout, a sync from an offline device) acts once and answers "
                                        + "the first answer again, with `Idempotent-Replayed: true`; the same key with another request is "
                                        + "422, and while the first is still running a retry waits for it (409 with Retry-After if it "
                                        + "takes too long). Keys are kept 72 h per caller."))));
            };
        }
    }
}
