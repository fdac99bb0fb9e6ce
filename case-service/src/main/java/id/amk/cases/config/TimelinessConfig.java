package id.amk.cases.config;

import id.amk.cases.casefile.command.TimelinessRules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Duration;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(TimelinessConfig.TimelinessProperties.class)
class TimelinessConfig {

    /** amk.cases.timeliness.*: each duration defaults to DESIGN.md's. */
    @ConfigurationProperties("amk.cases.timeliness")
    record TimelinessProperties(Duration firstContactUrgent, Duration firstContactHigh, Duration firstContactMedium,
                                Duration firstContactLow, Duration assessmentUrgentOrHigh, Duration assessmentOther, Duration plan,
                                Duration monitoringReview) {
    }

    @Bean
    TimelinessRules timelinessRules(TimelinessProperties p) {
        TimelinessRules d = TimelinessRules.defaults();
        return new TimelinessRules(or(p.firstContactUrgent(), d.firstContactUrgent()), or(p.firstContactHigh(), d.firstContactHigh()),
                or(p.firstContactMedium(), d.firstContactMedium()), or(p.firstContactLow(), d.firstContactLow()),
                or(p.assessmentUrgentOrHigh(), d.assessmentUrgentOrHigh()), or(p.assessmentOther(), d.assessmentOther()),
                or(p.plan(), d.plan()), or(p.monitoringReview(), d.monitoringReview()));
    }

    private static Duration or(Duration value, Duration fallback) {
        return value != null ? value : fallback;
    }
}
