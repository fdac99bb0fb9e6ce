package id.amk.reporting.notification;

import id.amk.contracts.RegionCodes;
import id.amk.contracts.Topics;
import id.amk.contracts.cases.CaseAssigned;
import id.amk.contracts.cases.CaseDeadlineApproaching;
import id.amk.contracts.cases.CaseDeadlineMissed;
import id.amk.contracts.cases.CaseRegistered;
import id.amk.contracts.referral.ReferralEscalated;
import id.amk.contracts.referral.ReferralStatusChanged;
import id.amk.platform.kafka.IntegrationEventListener;
import id.amk.platform.kafka.ReceivedEvent;
import id.amk.reporting.notification.Notifications.Kind;
import id.amk.reporting.notification.Notifications.Refs;
import id.amk.reporting.people.People;
import id.amk.reporting.report.api.ReportEvents.ReportForwardedEvent;
import id.amk.reporting.report.api.ReportEvents.ReportSubmittedEvent;
import id.amk.reporting.report.api.ReportEvents.ReportTriageOverdueEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Who is told what: from case and referral events on Kafka and from reporting-service's own Lapor Sosial events. The
 * worker a case is assigned to (and its deadlines missed), the region's workers of a new or forwarded report, the
 * province's supervisors of every escalation, the provider's users of a new referral, the case's worker of the
 * provider's answer. It keeps, per case, only the worker, the region and the case number ({@code notification_cases}).
 */
@Component
@ProcessingGroup("notifications")
public class WhoToTell implements IntegrationEventListener {

    static final String CASES = "notification_cases";

    private final Notifications notifications;
    private final People people;
    private final MongoTemplate mongo;

    WhoToTell(Notifications notifications, People people, MongoTemplate mongo) {
        this.notifications = notifications;
        this.people = people;
        this.mongo = mongo;
    }

    @Override
    public String name() {
        return "notifications";
    }

    @Override
    public Collection<String> topics() {
        return Set.of(Topics.CASE_EVENTS, Topics.REFERRAL_EVENTS);
    }

    @Override
    public void on(ReceivedEvent event) {
        String type = event.type();
        if (CaseRegistered.TYPE.type().equals(type)) {
            CaseRegistered e = event.dataAs(CaseRegistered.class);
            remember(e.caseId(), e.caseNumber(), e.regionCode(), e.assignedWorkerId());
            notifications.notify(event.id(), e.registeredAt(), List.of(nullToEmpty(e.assignedWorkerId())), e.registeredBy(), Kind.CASE_ASSIGNED,
                    Refs.ofCase(e.caseId(), e.caseNumber()));
        } else if (CaseAssigned.TYPE.type().equals(type)) {
            CaseAssigned e = event.dataAs(CaseAssigned.class);
            Document known = remember(e.caseId(), null, e.regionCode(), e.assignedWorkerId());
            notifications.notify(event.id(), e.changedAt(), List.of(nullToEmpty(e.assignedWorkerId())), e.changedBy(), Kind.CASE_ASSIGNED,
                    Refs.ofCase(e.caseId(), caseNumber(known)));
        } else if (CaseDeadlineApproaching.TYPE.type().equals(type)) {
            CaseDeadlineApproaching e = event.dataAs(CaseDeadlineApproaching.class);
            notifications.notify(event.id(), e.remindedAt(), List.of(nullToEmpty(e.assignedWorkerId())), null, Kind.DEADLINE_SOON,
                    new Refs(e.caseId(), caseNumber(known(e.caseId())), null, null, e.deadline()));
        } else if (CaseDeadlineMissed.TYPE.type().equals(type)) {
            CaseDeadlineMissed e = event.dataAs(CaseDeadlineMissed.class);
            List<String> to = new ArrayList<>(escalation(e.escalatedTo(), e.regionCode()));
            to.add(e.assignedWorkerId());
            notifications.notify(event.id(), e.missedAt(), to, null, Kind.DEADLINE_MISSED,
                    new Refs(e.caseId(), caseNumber(known(e.caseId())), null, null, e.deadline()));
        } else if (ReferralStatusChanged.TYPE.type().equals(type)) {
            ReferralStatusChanged e = event.dataAs(ReferralStatusChanged.class);
            Document known = known(e.caseId());
            Refs refs = new Refs(e.caseId(), caseNumber(known), null, e.referralId(), e.status());
            if ("REQUESTED".equals(e.status())) {
                notifications.notify(event.id(), e.changedAt(), people.ofAgency(agency(e)), null, Kind.REFERRAL_NEW, refs);
            } else if (Set.of("ACCEPTED", "DECLINED", "COMPLETED").contains(e.status()) && known != null) {
                notifications.notify(event.id(), e.changedAt(), List.of(nullToEmpty(known.getString("worker"))), null, Kind.REFERRAL_ANSWERED, refs);
            }
        } else if (ReferralEscalated.TYPE.type().equals(type)) {
            ReferralEscalated e = event.dataAs(ReferralEscalated.class);
            Document known = known(e.caseId());
            List<String> to = new ArrayList<>(escalation(e.escalatedTo(), known == null ? null : known.getString("regionCode")));
            if (known != null) {
                to.add(known.getString("worker"));
            }
            notifications.notify(event.id(), e.escalatedAt(), to, null, Kind.REFERRAL_ESCALATED,
                    new Refs(e.caseId(), caseNumber(known), null, e.referralId(), null));
        }
    }

    @EventHandler
    void on(ReportSubmittedEvent e, @MessageIdentifier String id) {
        notifications.notify(id, e.at(), people.withRoleCovering("PEKSOS", e.regionCode()), e.actor(), Kind.REPORT_NEW,
                new Refs(null, null, e.reportId(), null, e.urgency().name()));
    }

    @EventHandler
    void on(ReportForwardedEvent e, @MessageIdentifier String id) {
        notifications.notify(id, e.at(), people.withRoleCovering("PEKSOS", e.toRegionCode()), e.actor(), Kind.REPORT_NEW,
                new Refs(null, null, e.reportId(), null, "FORWARDED"));
    }

    @EventHandler
    void on(ReportTriageOverdueEvent e, @MessageIdentifier String id) {
        notifications.notify(id, e.at(), people.withRoleCovering("SUPERVISOR", e.regionCode()), null, Kind.REPORT_TRIAGE_OVERDUE,
                new Refs(null, null, e.reportId(), null, e.urgency().name()));
    }

    /** The case's worker and the agencies of its thread are told of a message by someone else. */
    public void messagePosted(String messageId, String caseId, Collection<String> agencies, String author, java.time.Instant at) {
        Document known = known(caseId);
        List<String> to = new ArrayList<>();
        if (known != null) {
            to.add(known.getString("worker"));
        }
        agencies.forEach(a -> to.addAll(people.ofAgency(a)));
        notifications.notify(messageId, at, to, author, Kind.THREAD_MESSAGE, Refs.ofCase(caseId, caseNumber(known)));
    }

    /** An escalation goes to the supervisors of the region it names (or, when it names a person, to them). */
    private List<String> escalation(String escalatedTo, String caseRegion) {
        if (escalatedTo != null && !RegionCodes.isCode(escalatedTo)) {
            return List.of(escalatedTo);
        }
        String region = escalatedTo != null ? escalatedTo : caseRegion;
        return region == null ? List.of() : people.withRoleCovering("SUPERVISOR", region);
    }

    private Document remember(String caseId, String caseNumber, String regionCode, String worker) {
        Update update = new Update().set("regionCode", regionCode).set("worker", worker);
        if (caseNumber != null) {
            update.set("caseNumber", caseNumber);
        }
        mongo.upsert(Query.query(Criteria.where("_id").is(caseId)), update, CASES);
        return known(caseId);
    }

    private Document known(String caseId) {
        return caseId == null ? null : mongo.findById(caseId, Document.class, CASES);
    }

    private static String caseNumber(Document known) {
        return known == null ? null : known.getString("caseNumber");
    }

    private static String agency(ReferralStatusChanged e) {
        return e.agencyId() != null ? e.agencyId() : e.providerId();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
