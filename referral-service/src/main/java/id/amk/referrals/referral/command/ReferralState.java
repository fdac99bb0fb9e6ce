package id.amk.referrals.referral.command;

import id.amk.referrals.referral.api.Component;
import id.amk.referrals.referral.api.ReferralEvents.ReferralAcceptedEvent;
import id.amk.referrals.referral.api.ReferralEvents.ReferralCancelledEvent;
import id.amk.referrals.referral.api.ReferralEvents.ReferralCompletedEvent;
import id.amk.referrals.referral.api.ReferralEvents.ReferralDeclinedEvent;
import id.amk.referrals.referral.api.ReferralEvents.ReferralEscalatedEvent;
import id.amk.referrals.referral.api.ReferralEvents.ReferralEvent;
import id.amk.referrals.referral.api.ReferralEvents.ReferralRequestedEvent;
import id.amk.referrals.referral.api.ReferralEvents.ServiceSessionDeliveredEvent;
import id.amk.referrals.referral.api.ReferralStatus;

import java.time.Instant;
import java.util.Set;

/** A referral as its events leave it; {@code version} is the sequence number of its last event (the ETag). */
public record ReferralState(String referralId, String caseId, String regionCode, String providerId, String agencyId,
                            Set<Component> components, boolean urgent, ReferralStatus status, Instant requestedAt, Instant respondBy,
                            boolean escalated, int sessions, String requestedBy, long version) {

    public static ReferralState initial() {
        return new ReferralState(null, null, null, null, null, Set.of(), false, null, null, null, false, 0, null, -1);
    }

    public ReferralState apply(ReferralEvent event) {
        if (event instanceof ReferralRequestedEvent e) {
            return new ReferralState(e.referralId(), e.caseId(), e.regionCode(), e.providerId(), e.agencyId(), Set.copyOf(e.components()),
                    e.urgent(), ReferralStatus.REQUESTED, e.at(), e.respondBy(), false, 0, e.actor(), version + 1);
        }
        if (event instanceof ReferralAcceptedEvent) {
            return with(ReferralStatus.ACCEPTED, escalated, sessions);
        }
        if (event instanceof ReferralDeclinedEvent) {
            return with(ReferralStatus.DECLINED, escalated, sessions);
        }
        if (event instanceof ServiceSessionDeliveredEvent e) {
            return with(ReferralStatus.IN_SERVICE, escalated, e.sessionNumber());
        }
        if (event instanceof ReferralCompletedEvent) {
            return with(ReferralStatus.COMPLETED, escalated, sessions);
        }
        if (event instanceof ReferralCancelledEvent) {
            return with(ReferralStatus.CANCELLED, escalated, sessions);
        }
        if (event instanceof ReferralEscalatedEvent) {
            return with(status, true, sessions);
        }
        throw new IllegalArgumentException("unknown referral event " + event.getClass().getSimpleName());
    }

    private ReferralState with(ReferralStatus newStatus, boolean newEscalated, int newSessions) {
        return new ReferralState(referralId, caseId, regionCode, providerId, agencyId, components, urgent, newStatus, requestedAt, respondBy,
                newEscalated, newSessions, requestedBy, version + 1);
    }
}
