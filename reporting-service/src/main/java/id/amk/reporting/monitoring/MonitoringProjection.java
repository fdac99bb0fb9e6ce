package id.amk.reporting.monitoring;

import id.amk.contracts.Topics;
import id.amk.contracts.cases.CaseAssigned;
import id.amk.contracts.cases.CaseDeadlineMissed;
import id.amk.contracts.cases.CaseRegistered;
import id.amk.contracts.cases.CaseStageChanged;
import id.amk.contracts.cases.FirstContactRecorded;
import id.amk.contracts.cases.PersonalDataErased;
import id.amk.contracts.referral.ReferralEscalated;
import id.amk.contracts.referral.ReferralSessionDelivered;
import id.amk.contracts.referral.ReferralStatusChanged;
import id.amk.platform.kafka.ReceivedEvent;
import id.amk.reporting.projection.ProjectionStore;
import id.amk.reporting.projection.RebuildableProjection;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * The ministry's monitoring, fed only by {@code case.events.v1} and {@code referral.events.v1}: one fact document per
 * case ({@code cases}) and per referral ({@code referrals}), written so that duplicates and reordering change nothing;
 * dashboards count over them. No personal data arrives here, and none is kept: a case's child is an opaque
 * {@code childId}, shared by the cases of the same child, so that children are counted, not only cases.
 */
@Component
public class MonitoringProjection extends RebuildableProjection {

    public static final String NAME = "monitoring";
    public static final String CASES = "cases";
    public static final String REFERRALS = "referrals";

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
        return List.of(CASES, REFERRALS);
    }

    @Override
    public void apply(ReceivedEvent event, ProjectionStore store) {
        String type = event.type();
        if (CaseRegistered.TYPE.type().equals(type)) {
            CaseRegistered e = event.dataAs(CaseRegistered.class);
            store.set(CASES, e.caseId(), new Document("caseNumber", e.caseNumber()).append("clusters", e.clusters())
                    .append("source", e.source()).append("registeredAt", Date.from(e.registeredAt()))
                    .append("month", e.registeredAt().atZone(ZoneOffset.UTC).toLocalDate().toString().substring(0, 7))
                    .append("reportId", e.reportId()));
            store.newest(CASES, e.caseId(), "regionCode", e.regionCode(), e.registeredAt());
            store.newest(CASES, e.caseId(), "worker", e.assignedWorkerId(), e.registeredAt());
            store.newest(CASES, e.caseId(), "riskLevel", e.riskLevel(), e.registeredAt());
            store.newest(CASES, e.caseId(), "stage", "REGISTERED", e.registeredAt());
            store.newest(CASES, e.caseId(), "childId", e.childOrCase(), e.registeredAt());
        } else if (id.amk.contracts.cases.ChildLinked.TYPE.type().equals(type)) {
            // the child a case is counted as: the latest link wins, whatever order the events arrive in
            id.amk.contracts.cases.ChildLinked e = event.dataAs(id.amk.contracts.cases.ChildLinked.class);
            store.newest(CASES, e.caseId(), "childId", e.childId(), e.linkedAt());
        } else if (CaseStageChanged.TYPE.type().equals(type)) {
            CaseStageChanged e = event.dataAs(CaseStageChanged.class);
            store.newest(CASES, e.caseId(), "stage", e.to(), e.changedAt());
            if ("ASSESSED".equals(e.to())) {
                store.earliest(CASES, e.caseId(), "assessedAt", e.changedAt());
            }
            if ("CLOSED".equals(e.to())) {
                store.latest(CASES, e.caseId(), "closedAt", e.changedAt());
            }
            if (e.riskLevel() != null) {
                store.newest(CASES, e.caseId(), "riskLevel", e.riskLevel(), e.changedAt());
            }
        } else if (CaseAssigned.TYPE.type().equals(type)) {
            CaseAssigned e = event.dataAs(CaseAssigned.class);
            store.newest(CASES, e.caseId(), "regionCode", e.regionCode(), e.changedAt());
            store.newest(CASES, e.caseId(), "worker", e.assignedWorkerId(), e.changedAt());
        } else if (FirstContactRecorded.TYPE.type().equals(type)) {
            FirstContactRecorded e = event.dataAs(FirstContactRecorded.class);
            store.earliest(CASES, e.caseId(), "firstContactAt", e.contactedAt());
        } else if (CaseDeadlineMissed.TYPE.type().equals(type)) {
            CaseDeadlineMissed e = event.dataAs(CaseDeadlineMissed.class);
            store.addToSet(CASES, e.caseId(), "missedDeadlines", e.deadline() + "@" + e.dueAt());
        } else if (PersonalDataErased.TYPE.type().equals(type)) {
            PersonalDataErased e = event.dataAs(PersonalDataErased.class);
            store.set(CASES, e.caseId(), new Document("personalDataErased", true));
        } else if (ReferralStatusChanged.TYPE.type().equals(type)) {
            ReferralStatusChanged e = event.dataAs(ReferralStatusChanged.class);
            store.set(REFERRALS, e.referralId(), new Document("caseId", e.caseId()).append("providerId", e.providerId())
                    .append("components", e.components()).append("urgent", Boolean.TRUE.equals(e.urgent())));
            store.newest(REFERRALS, e.referralId(), "status", e.status(), e.changedAt());
            if ("REQUESTED".equals(e.status())) {
                store.earliest(REFERRALS, e.referralId(), "requestedAt", e.changedAt());
            } else if (e.reason() != null) {
                store.set(REFERRALS, e.referralId(), new Document("reason_" + e.status(), e.reason()));
            }
        } else if (ReferralSessionDelivered.TYPE.type().equals(type)) {
            ReferralSessionDelivered e = event.dataAs(ReferralSessionDelivered.class);
            store.highest(REFERRALS, e.referralId(), "sessions", e.sessionNumber());
        } else if (ReferralEscalated.TYPE.type().equals(type)) {
            ReferralEscalated e = event.dataAs(ReferralEscalated.class);
            store.set(REFERRALS, e.referralId(), new Document("escalated", true));
        }
    }
}
