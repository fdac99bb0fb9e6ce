package id.amk.referrals.referral.command;

import java.time.Duration;

/** How long a provider has to accept or decline: 48 h, 24 h when the child needs health care (DESIGN.md; configurable). */
public record ResponseTimes(Duration normal, Duration urgent) {

    public static final ResponseTimes DEFAULT = new ResponseTimes(Duration.ofHours(48), Duration.ofHours(24));

    public Duration of(boolean isUrgent) {
        return isUrgent ? urgent : normal;
    }
}
