package id.amk.platform.correlation;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.lifecycle.Phase;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import java.util.List;
import java.util.function.BiFunction;

@AutoConfiguration
public class CorrelationAutoConfiguration {

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Commands carry the request's correlation id; Axon copies it onto every event they cause. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(CorrelationDataProvider.class)
    static class AxonCorrelation {

        @Bean
        CorrelationDataProvider amkCorrelationDataProvider() {
            return new SimpleCorrelationDataProvider(CorrelationId.METADATA_KEY);
        }

        @Bean
        ConfigurerModule correlationIdOnCommands() {
            return configurer -> configurer.onInitialize(config -> config.onStart(Phase.INSTRUCTION_COMPONENTS,
                    () -> config.commandBus().registerDispatchInterceptor(new CorrelationIdDispatchInterceptor())));
        }
    }

    static class CorrelationIdDispatchInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {
        @Override
        public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
            return (index, command) -> {
                String id = CorrelationId.current();
                return id == null || command.getMetaData().containsKey(CorrelationId.METADATA_KEY)
                        ? command : command.andMetaData(java.util.Map.of(CorrelationId.METADATA_KEY, id));
            };
        }
    }
}
