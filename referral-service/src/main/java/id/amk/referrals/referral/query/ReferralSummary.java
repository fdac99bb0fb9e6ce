package id.amk.referrals.referral.query;

import org.springframework.data.annotation.Id;

import java.time.Instant;
import java.util.List;

/** A referral as lists and inboxes show it (a document of the {@code referrals} view): codes and dates, no free text. */
public record ReferralSummary(@Id String referralId, String caseId, String regionCode, String providerId, String agencyId,
                              List<String> components, boolean urgent, String status, String requestedBy, Instant requestedAt,
                              Instant respondBy, boolean escalated, int sessions, Instant answeredAt, Instant endedAt, String declineReason,
                              String cancelReason, String outcome, boolean emergencyOverride, boolean capacityOverride,
                              Instant lastChangedAt) {
}
