package id.amk.cases.casefile.command;

import id.amk.cases.casefile.api.RiskLevel;

import java.time.Duration;

/**
 * How long each step may take: first contact by risk (URGENT 24 h, HIGH 72 h, MEDIUM 7 d, LOW 14 d),
 * assessment after first contact (3 d for URGENT and HIGH, else 7 d), plan within 14 d of the assessment,
 * a monitoring review every 30 d during intervention. Configurable (amk.cases.timeliness.*).
 */
public record TimelinessRules(Duration firstContactUrgent, Duration firstContactHigh, Duration firstContactMedium,
                              Duration firstContactLow, Duration assessmentUrgentOrHigh, Duration assessmentOther, Duration plan,
                              Duration monitoringReview) {

    public static TimelinessRules defaults() {
        return new TimelinessRules(Duration.ofHours(24), Duration.ofHours(72), Duration.ofDays(7), Duration.ofDays(14),
                Duration.ofDays(3), Duration.ofDays(7), Duration.ofDays(14), Duration.ofDays(30));
    }

    Duration firstContact(RiskLevel risk) {
        return switch (risk) {
            case URGENT -> firstContactUrgent;
            case HIGH -> firstContactHigh;
            case MEDIUM -> firstContactMedium;
            case LOW -> firstContactLow;
        };
    }

    Duration assessment(RiskLevel risk) {
        return risk == RiskLevel.URGENT || risk == RiskLevel.HIGH ? assessmentUrgentOrHigh : assessmentOther;
    }
}
