package id.amk.reporting.config;

import id.amk.reporting.report.query.TriageRules;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(TriageRules.class)
class ReportingConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

}
