package id.amk.referrals.config;

import id.amk.referrals.referral.command.ResponseTimes;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;
import java.time.Duration;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ReferralConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Referrals stay in memory while in use, so a command does not re-read their events (the embedded Mongo server scans). */
    @Bean
    Cache referralCache() {
        return new WeakReferenceCache();
    }

    @Bean
    ResponseTimes responseTimes(@Value("${amk.referrals.response-time:48h}") Duration normal,
                                @Value("${amk.referrals.urgent-response-time:24h}") Duration urgent) {
        return new ResponseTimes(normal, urgent);
    }
}
