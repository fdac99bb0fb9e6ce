package id.amk.platform.audit;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;

/** The read audit of a service with a database, and its API where the service names a path ({@code amk.audit.path}). */
@AutoConfiguration(after = MongoDataAutoConfiguration.class)
public class ReadAuditAutoConfiguration {

    @Bean
    @ConditionalOnBean(MongoTemplate.class)
    ReadAudit readAudit(MongoTemplate mongo) {
        return new ReadAudit(mongo, Clock.systemUTC());
    }

    @Bean
    @ConditionalOnBean(ReadAudit.class)
    @ConditionalOnProperty("amk.audit.path")
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    ReadAuditController readAuditController(ReadAudit audit) {
        return new ReadAuditController(audit);
    }
}
