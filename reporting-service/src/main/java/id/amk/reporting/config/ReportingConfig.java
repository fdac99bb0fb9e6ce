package id.amk.reporting.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ReportingConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

}
