package id.amk.reporting.config;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
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

    /** Reports stay in memory while in use, so a command does not re-read their events (the embedded Mongo server scans). */
    @Bean
    Cache reportCache() {
        return new WeakReferenceCache();
    }
}
