package id.amk.referrals.referral.web;

import id.amk.referrals.referral.api.Component;
import id.amk.referrals.referral.api.Facts.ProviderFacts;
import id.amk.referrals.referral.api.ReferralEvents.ReferralAcceptedEvent;
import id.amk.referrals.referral.api.ReferralEvents.ReferralCancelledEvent;
import id.amk.referrals.referral.api.ReferralEvents.ReferralCompletedEvent;
import id.amk.referrals.referral.api.ReferralEvents.ReferralDeclinedEvent;
import id.amk.referrals.referral.api.ReferralEvents.ReferralEscalatedEvent;
import id.amk.referrals.referral.api.ReferralEvents.ReferralEvent;
import id.amk.referrals.referral.api.ReferralEvents.ReferralRequestedEvent;
import id.amk.referrals.referral.api.ReferralEvents.ServiceSessionDeliveredEvent;
import id.amk.referrals.referral.api.ReferralStatus;
import id.amk.referrals.referral.api.SealedText;
import id.amk.referrals.referral.command.ReferralState;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** What /api/referrals answers. Free text is shown opened for those who may see the referral, or null once erased. */
final class ReferralViews {

    record Requested(String referralId, ReferralStatus status, boolean urgent, Instant respondBy) {
    }

    record Suggestion(String providerId, int capacity, long load) {
        static Suggestion of(ProviderFacts f) {
            return new Suggestion(f.providerId(), f.capacity(), f.load());
        }
    }

    record HistoryEntry(String type, String actor, Instant at, Map<String, Object> details) {

        static HistoryEntry of(ReferralEvent event, Function<SealedText, String> open) {
            Map<String, Object> details = new LinkedHashMap<>();
            if (event instanceof ReferralRequestedEvent e) {
                details.put("providerId", e.providerId());
                details.put("components", e.components().stream().sorted().toList());
                details.put("reason", open.apply(e.reason()));
                details.put("urgent", e.urgent());
                details.put("healthNeed", e.healthNeed());
                details.put("consentBy", e.consentBy());
                details.put("emergencyOverrideReason", open.apply(e.emergencyOverride()));
                details.put("capacityOverrideReason", open.apply(e.capacityOverride()));
                details.put("respondBy", e.respondBy());
            } else if (event instanceof ReferralAcceptedEvent e) {
                details.put("note", open.apply(e.note()));
            } else if (event instanceof ReferralDeclinedEvent e) {
                details.put("reason", e.reason());
                details.put("detail", open.apply(e.detail()));
            } else if (event instanceof ServiceSessionDeliveredEvent e) {
                details.put("sessionNumber", e.sessionNumber());
                details.put("deliveredAt", e.deliveredAt());
                details.put("components", e.components());
                details.put("note", open.apply(e.note()));
            } else if (event instanceof ReferralCompletedEvent e) {
                details.put("outcome", e.outcome());
                details.put("summary", open.apply(e.summary()));
            } else if (event instanceof ReferralCancelledEvent e) {
                details.put("reason", e.reason());
                details.put("detail", open.apply(e.detail()));
            } else if (event instanceof ReferralEscalatedEvent e) {
                details.put("dueAt", e.dueAt());
                details.put("escalatedTo", e.escalatedTo());
            }
            String name = event.getClass().getSimpleName();
            return new HistoryEntry(name.substring(0, name.length() - "Event".length()), event.actor(), event.at(), details);
        }
    }

    record ReferralDetail(String referralId, String caseId, String regionCode, String providerId, String agencyId,
                          Set<Component> components, boolean urgent, ReferralStatus status, Instant requestedAt, Instant respondBy,
                          boolean escalated, boolean overdue, int sessions, String requestedBy, long version, List<HistoryEntry> history,
                          List<Suggestion> suggestions) {

        static ReferralDetail of(ReferralState s, Instant now, List<HistoryEntry> history, List<Suggestion> suggestions) {
            boolean overdue = s.status() == ReferralStatus.REQUESTED && !now.isBefore(s.respondBy());
            return new ReferralDetail(s.referralId(), s.caseId(), s.regionCode(), s.providerId(), s.agencyId(), s.components(), s.urgent(),
                    s.status(), s.requestedAt(), s.respondBy(), s.escalated(), overdue, s.sessions(), s.requestedBy(), s.version(), history,
                    suggestions);
        }
    }

    record Page<T>(List<T> items, int page, int size, long total) {
    }

    private ReferralViews() {
    }
}
