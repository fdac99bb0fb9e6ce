package id.amk.contracts.referral;

import id.amk.contracts.EventType;
import id.amk.contracts.Topics;

import java.time.Instant;
import java.util.List;

/** {@code amk.referral.ReferralStatusChanged.v1}: an ATENSI referral changed status; {@code reason} is a code, never free text. */
public record ReferralStatusChanged(
        String referralId,
        String caseId,
        String providerId,
        String status,
        List<String> components,
        String reason,
        Instant changedAt,
        Boolean urgent,
        String agencyId) {

    public static final EventType TYPE = new EventType("amk.referral.ReferralStatusChanged.v1", Topics.REFERRAL_EVENTS, ReferralStatusChanged.class);
}
