package id.amk.platform.mongo;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;

import java.util.concurrent.TimeUnit;

/**
 * Fail fast when Mongo is unreachable (the driver's default is to wait 30 s for a server): readiness
 * turns DOWN within seconds and callers get an error instead of a hang.
 */
@AutoConfiguration(before = org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration.class)
@ConditionalOnClass(MongoClientSettingsBuilderCustomizer.class)
public class MongoAutoConfiguration {

    @Bean
    MongoClientSettingsBuilderCustomizer amkMongoTimeouts() {
        return settings -> settings
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(3, TimeUnit.SECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(3, TimeUnit.SECONDS));
    }
}
