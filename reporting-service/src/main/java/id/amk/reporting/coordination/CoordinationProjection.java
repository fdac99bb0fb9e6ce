package id.amk.reporting.coordination;

import id.amk.contracts.Topics;
import id.amk.contracts.cases.CaseAssigned;
import id.amk.contracts.cases.CaseDeadlineMissed;
import id.amk.contracts.cases.CaseRegistered;
import id.amk.contracts.cases.CaseStageChanged;
import id.amk.contracts.cases.FirstContactRecorded;
import id.amk.contracts.referral.ReferralEscalated;
import id.amk.contracts.referral.ReferralSessionDelivered;
import id.amk.contracts.referral.ReferralStatusChanged;
import id.amk.platform.kafka.ReceivedEvent;
import id.amk.reporting.projection.ProjectionStore;
import id.amk.reporting.projection.RebuildableProjection;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Each case's coordination thread as the events tell it: where the case is and who works on it ({@code threads}),
 * the agencies its referrals involve, and a progress timeline ({@code timeline}, one entry per event id) of case and
 * referral events — codes and dates only, as the public events carry no personal data.
 */
@Component
public class CoordinationProjection extends RebuildableProjection {

    public static final String NAME = "coordination";
    public static final String THREADS = "threads";
    public static final String TIMELINE = "timeline";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.CASE_EVENTS, Topics.REFERRAL_EVENTS);
    }

    @Override
    public List<String> collections() {
        return List.of(THREADS, TIMELINE);
    }

    @Override
    public void apply(ReceivedEvent event, ProjectionStore store) {
        String type = event.type();
        if (CaseRegistered.TYPE.type().equals(type)) {
            CaseRegistered e = event.dataAs(CaseRegistered.class);
            store.set(THREADS, e.caseId(), new Document("caseNumber", e.caseNumber()).append("registeredAt", Date.from(e.registeredAt())));
            store.newest(THREADS, e.caseId(), "regionCode", e.regionCode(), e.registeredAt());
            store.newest(THREADS, e.caseId(), "worker", e.assignedWorkerId(), e.registeredAt());
            store.newest(THREADS, e.caseId(), "stage", "REGISTERED", e.registeredAt());
            entry(store, event, e.caseId(), e.registeredAt(), "CASE_REGISTERED", new Document("caseNumber", e.caseNumber()));
        } else if (CaseStageChanged.TYPE.type().equals(type)) {
            CaseStageChanged e = event.dataAs(CaseStageChanged.class);
            store.newest(THREADS, e.caseId(), "stage", e.to(), e.changedAt());
            entry(store, event, e.caseId(), e.changedAt(), "STAGE_CHANGED", new Document("from", e.from()).append("to", e.to())
                    .append("by", e.changedBy()));
        } else if (CaseAssigned.TYPE.type().equals(type)) {
            CaseAssigned e = event.dataAs(CaseAssigned.class);
            store.newest(THREADS, e.caseId(), "regionCode", e.regionCode(), e.changedAt());
            store.newest(THREADS, e.caseId(), "worker", e.assignedWorkerId(), e.changedAt());
            entry(store, event, e.caseId(), e.changedAt(), e.transferred() ? "CASE_TRANSFERRED" : "WORKER_ASSIGNED",
                    new Document("worker", e.assignedWorkerId()).append("regionCode", e.regionCode()));
        } else if (FirstContactRecorded.TYPE.type().equals(type)) {
            FirstContactRecorded e = event.dataAs(FirstContactRecorded.class);
            entry(store, event, e.caseId(), e.recordedAt(), "FIRST_CONTACT", new Document("contactedAt", Date.from(e.contactedAt())));
        } else if (CaseDeadlineMissed.TYPE.type().equals(type)) {
            CaseDeadlineMissed e = event.dataAs(CaseDeadlineMissed.class);
            entry(store, event, e.caseId(), e.missedAt(), "DEADLINE_MISSED", new Document("deadline", e.deadline())
                    .append("dueAt", Date.from(e.dueAt())));
        } else if (ReferralStatusChanged.TYPE.type().equals(type)) {
            ReferralStatusChanged e = event.dataAs(ReferralStatusChanged.class);
            if (e.agencyId() != null) {
                store.addToSet(THREADS, e.caseId(), "agencies", e.agencyId());
            }
            entry(store, event, e.caseId(), e.changedAt(), "REFERRAL_" + e.status(), new Document("referralId", e.referralId())
                    .append("providerId", e.providerId()).append("components", e.components()).append("reason", e.reason()));
        } else if (ReferralSessionDelivered.TYPE.type().equals(type)) {
            ReferralSessionDelivered e = event.dataAs(ReferralSessionDelivered.class);
            entry(store, event, e.caseId(), e.deliveredAt(), "REFERRAL_SESSION", new Document("referralId", e.referralId())
                    .append("providerId", e.providerId()).append("sessionNumber", e.sessionNumber()));
        } else if (ReferralEscalated.TYPE.type().equals(type)) {
            ReferralEscalated e = event.dataAs(ReferralEscalated.class);
            entry(store, event, e.caseId(), e.escalatedAt(), "REFERRAL_ESCALATED", new Document("referralId", e.referralId())
                    .append("providerId", e.providerId()));
        }
    }

    private static void entry(ProjectionStore store, ReceivedEvent event, String caseId, Instant at, String kind, Document details) {
        store.set(TIMELINE, event.id(), new Document("caseId", caseId).append("at", Date.from(at)).append("kind", kind)
                .append("details", details));
    }
}
