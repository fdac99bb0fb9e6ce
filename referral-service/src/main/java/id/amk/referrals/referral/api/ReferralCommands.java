package id.amk.referrals.referral.api;

import id.amk.referrals.referral.api.Codes.CancelReason;
import id.amk.referrals.referral.api.Codes.ConsentBy;
import id.amk.referrals.referral.api.Codes.DeclineReason;
import id.amk.referrals.referral.api.Codes.Outcome;
import id.amk.referrals.referral.api.Facts.CaseFacts;
import id.amk.referrals.referral.api.Facts.ProviderFacts;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;
import java.util.Set;

/**
 * What is asked of a referral. {@code actor} is who asks (the token's subject); {@code expectedVersion}, when
 * given, is the version the asker saw (If-Match).
 */
public final class ReferralCommands {

    /**
     * A worker refers a case to a provider. Consent of the child or guardian is recorded, or an emergency override
     * with its reason; a health need makes it urgent (24 h to answer instead of 48 h); a provider at capacity needs
     * an override with a reason.
     */
    public record RequestReferralCommand(@TargetAggregateIdentifier String referralId, CaseFacts caseFacts, ProviderFacts provider,
                                         Set<Component> components, String reason, boolean urgent, boolean healthNeed,
                                         ConsentBy consentBy, String emergencyOverrideReason, String capacityOverrideReason,
                                         String actor) {
    }

    public record AcceptReferralCommand(@TargetAggregateIdentifier String referralId, String note, String actor,
                                        @TargetAggregateVersion Long expectedVersion) {
    }

    public record DeclineReferralCommand(@TargetAggregateIdentifier String referralId, DeclineReason reason, String detail, String actor,
                                         @TargetAggregateVersion Long expectedVersion) {
    }

    public record RecordSessionCommand(@TargetAggregateIdentifier String referralId, Instant deliveredAt, Set<Component> components,
                                       String note, String actor, @TargetAggregateVersion Long expectedVersion) {
    }

    public record CompleteReferralCommand(@TargetAggregateIdentifier String referralId, Outcome outcome, String summary, String actor,
                                          @TargetAggregateVersion Long expectedVersion) {
    }

    public record CancelReferralCommand(@TargetAggregateIdentifier String referralId, CancelReason reason, String detail, String actor,
                                        @TargetAggregateVersion Long expectedVersion) {
    }

    /** The response watch: the provider has not answered by {@code dueAt}. */
    public record EscalateReferralCommand(@TargetAggregateIdentifier String referralId, Instant dueAt) {
    }

    /** Answers the referral as it stands now, from the (cached) aggregate. */
    public record DescribeReferralCommand(@TargetAggregateIdentifier String referralId) {
    }

    private ReferralCommands() {
    }
}
