package id.amk.referrals.config;

import id.amk.referrals.referral.command.ResponseTimes;
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


    @Bean
    ResponseTimes responseTimes(@Value("${amk.referrals.response-time:48h}") Duration normal,
                                @Value("${amk.referrals.urgent-response-time:24h}") Duration urgent) {
        return new ResponseTimes(normal, urgent);
    }
}
