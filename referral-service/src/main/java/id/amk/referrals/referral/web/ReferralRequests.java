package id.amk.referrals.referral.web;

import id.amk.referrals.referral.api.Codes.CancelReason;
import id.amk.referrals.referral.api.Codes.ConsentBy;
import id.amk.referrals.referral.api.Codes.DeclineReason;
import id.amk.referrals.referral.api.Codes.Outcome;
import id.amk.referrals.referral.api.Component;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.Set;

/** The bodies of /api/referrals requests. The referral's own rules (consent, capacity, stage) are checked by the referral. */
final class ReferralRequests {

    record RequestReferral(@NotBlank String caseId, @NotBlank String providerId, Set<Component> components,
                           @Size(max = 2000) String reason, boolean urgent, boolean healthNeed, ConsentBy consentBy,
                           @Size(max = 1000) String emergencyOverrideReason, @Size(max = 1000) String capacityOverrideReason) {
    }

    record Acceptance(@Size(max = 2000) String note) {
    }

    record Decline(DeclineReason reason, @Size(max = 2000) String detail) {
    }

    record Session(Instant deliveredAt, Set<Component> components, @Size(max = 4000) String note) {
    }

    record Completion(Outcome outcome, @Size(max = 4000) String summary) {
    }

    record Cancellation(CancelReason reason, @Size(max = 2000) String detail) {
    }

    private ReferralRequests() {
    }
}
