package id.amk.cases.config;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class CaseConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Cases stay in memory while in use, so a command does not re-read the case's events (on the embedded
     * Mongo server every such read scans the event store); the garbage collector frees idle ones.
     */
    @Bean
    Cache caseCache() {
        return new WeakReferenceCache();
    }
}
