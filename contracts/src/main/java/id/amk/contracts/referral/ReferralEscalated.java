package id.amk.contracts.referral;

import id.amk.contracts.EventType;
import id.amk.contracts.Topics;

import java.time.Instant;

/** {@code amk.referral.ReferralEscalated.v1}: a referral went unanswered past its deadline; the province's supervisors are alerted. */
public record ReferralEscalated(String referralId, String caseId, String providerId, boolean urgent, Instant dueAt, String escalatedTo,
                                Instant escalatedAt) {

    public static final EventType TYPE = new EventType("amk.referral.ReferralEscalated.v1", Topics.REFERRAL_EVENTS, ReferralEscalated.class);
}
