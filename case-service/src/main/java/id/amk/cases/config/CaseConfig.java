package id.amk.cases.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class CaseConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
