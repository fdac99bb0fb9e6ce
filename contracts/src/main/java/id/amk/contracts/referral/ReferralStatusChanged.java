package id.amk.contracts.referral;

import id.amk.contracts.EventType;
import id.amk.contracts.Topics;

import java.time.Instant;
import java.util.List;

/**
 * {@code amk.referral.ReferralStatusChanged.v1}: an ATENSI referral changed status; {@code reason} is a code, never free text;
 * {@code consent} is what the referral stands on (one of {@link #CONSENTS}), null from publishers before it was added.
 */
public record ReferralStatusChanged(
        String referralId,
        String caseId,
        String providerId,
        String status,
        List<String> components,
        String reason,
        Instant changedAt,
        Boolean urgent,
        String agencyId,
        String consent) {

    /** What the referral stands on: who consented, or that a worker overrode consent in an emergency. */
    public static final java.util.Set<String> CONSENTS = java.util.Set.of("CHILD", "GUARDIAN", "CHILD_AND_GUARDIAN", "EMERGENCY_OVERRIDE");

    /** The event as it was before {@code consent} was added (v1, additive). */
    public ReferralStatusChanged(String referralId, String caseId, String providerId, String status, List<String> components,
                                 String reason, Instant changedAt, Boolean urgent, String agencyId) {
        this(referralId, caseId, providerId, status, components, reason, changedAt, urgent, agencyId, null);
    }

    public static final EventType TYPE = new EventType("amk.referral.ReferralStatusChanged.v1", Topics.REFERRAL_EVENTS, ReferralStatusChanged.class);
}
