package id.amk.contracts.referral;

import id.amk.contracts.EventType;
import id.amk.contracts.Topics;

import java.time.Instant;
import java.util.List;

/** {@code amk.referral.ReferralSessionDelivered.v1}: a service session of a referral was delivered (its notes stay in referral-service). */
public record ReferralSessionDelivered(String referralId, String caseId, String providerId, int sessionNumber, List<String> components,
                                       Instant deliveredAt) {

    public static final EventType TYPE = new EventType("amk.referral.ReferralSessionDelivered.v1", Topics.REFERRAL_EVENTS,
            ReferralSessionDelivered.class);
}
