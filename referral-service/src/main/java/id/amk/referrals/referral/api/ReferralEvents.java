package id.amk.referrals.referral.api;

import id.amk.referrals.referral.api.Codes.CancelReason;
import id.amk.referrals.referral.api.Codes.ConsentBy;
import id.amk.referrals.referral.api.Codes.DeclineReason;
import id.amk.referrals.referral.api.Codes.Outcome;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** What happened to a referral: private to referral-service (the relay maps them to public contract events). */
public final class ReferralEvents {

    public sealed interface ReferralEvent permits ReferralRequestedEvent, ReferralAcceptedEvent, ReferralDeclinedEvent,
            ServiceSessionDeliveredEvent, ReferralCompletedEvent, ReferralCancelledEvent, ReferralEscalatedEvent {
        String referralId();

        String caseId();

        String actor();

        Instant at();
    }

    /**
     * {@code consentBy} null means an emergency override ({@code emergencyOverride} says why); {@code capacityOverride}
     * says why a provider at capacity was chosen. Free text is sealed with the case's key.
     */
    public record ReferralRequestedEvent(String referralId, String caseId, String regionCode, String providerId, String agencyId,
                                         Set<Component> components, SealedText reason, boolean urgent, boolean healthNeed,
                                         ConsentBy consentBy, SealedText emergencyOverride, SealedText capacityOverride,
                                         Instant respondBy, String actor, Instant at) implements ReferralEvent {
    }

    public record ReferralAcceptedEvent(String referralId, String caseId, SealedText note, String actor, Instant at) implements ReferralEvent {
    }

    public record ReferralDeclinedEvent(String referralId, String caseId, DeclineReason reason, SealedText detail, String actor, Instant at)
            implements ReferralEvent {
    }

    public record ServiceSessionDeliveredEvent(String referralId, String caseId, int sessionNumber, Instant deliveredAt,
                                               List<Component> components, SealedText note, String actor, Instant at)
            implements ReferralEvent {
    }

    public record ReferralCompletedEvent(String referralId, String caseId, Outcome outcome, SealedText summary, String actor, Instant at)
            implements ReferralEvent {
    }

    public record ReferralCancelledEvent(String referralId, String caseId, CancelReason reason, SealedText detail, String actor, Instant at)
            implements ReferralEvent {
    }

    /** Nobody at the provider answered by {@code dueAt}: the province's supervisors are alerted. */
    public record ReferralEscalatedEvent(String referralId, String caseId, Instant dueAt, String escalatedTo, String actor, Instant at)
            implements ReferralEvent {
    }

    private ReferralEvents() {
    }
}
