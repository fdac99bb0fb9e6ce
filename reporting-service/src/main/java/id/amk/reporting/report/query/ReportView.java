package id.amk.reporting.report.query;

import id.amk.reporting.report.api.ReportEvents.ReportAcceptedEvent;
import id.amk.reporting.report.api.ReportEvents.ReportEvent;
import id.amk.reporting.report.api.ReportEvents.ReportForwardedEvent;
import id.amk.reporting.report.api.ReportEvents.ReportRejectedEvent;
import id.amk.reporting.report.api.ReportEvents.ReportSubmittedEvent;
import id.amk.reporting.report.api.ReportEvents.ReportTriageOverdueEvent;
import id.amk.reporting.report.api.ReportTypes.ReportStatus;
import id.amk.reporting.report.api.ReportTypes.Urgency;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.Date;

/**
 * The {@code reports} view for triage lists and the reporter's tracking: status, region, urgency, reporter type,
 * the case it became, the triage deadline in its current region — no personal data (that stays sealed in the events).
 * Each event applies once (version).
 */
@Component
@ProcessingGroup("report-views")
public class ReportView {

    public static final String COLLECTION = "reports";

    private final MongoTemplate mongo;
    private final TriageRules rules;

    ReportView(MongoTemplate mongo, TriageRules rules) {
        this.mongo = mongo;
        this.rules = rules;
    }

    @EventHandler
    void on(ReportEvent event, @SequenceNumber long sequence) {
        Update update = new Update().set("version", sequence).set("updatedAt", Date.from(event.at()));
        if (event instanceof ReportSubmittedEvent e) {
            update.set("reporterType", e.reporterType().name()).set("regionCode", e.regionCode()).set("urgency", e.urgency().name())
                    .set("suspectedClusters", e.suspectedClusters().stream().sorted().toList()).set("status", ReportStatus.SUBMITTED.name())
                    .set("trackingHash", e.trackingHash()).set("submittedBy", e.actor()).set("submittedAt", Date.from(e.at()))
                    .set("triageDueAt", Date.from(rules.dueAt(e.urgency(), e.at()))).set("triageOverdue", false);
        } else if (event instanceof ReportAcceptedEvent e) {
            update.set("status", ReportStatus.ACCEPTED.name()).set("caseId", e.caseId()).set("urgency", e.urgency().name())
                    .set("triagedBy", e.actor()).unset("triageDueAt");
        } else if (event instanceof ReportRejectedEvent e) {
            update.set("status", ReportStatus.REJECTED.name()).set("rejectReason", e.reason().name()).set("linkedCaseId", e.linkedCaseId())
                    .set("triagedBy", e.actor()).unset("triageDueAt");
        } else if (event instanceof ReportForwardedEvent e) {
            update.set("status", ReportStatus.FORWARDED.name()).set("regionCode", e.toRegionCode()).set("forwardedFrom", e.fromRegionCode())
                    .set("triageDueAt", Date.from(rules.dueAt(urgency(event.reportId()), e.at()))).set("triageOverdue", false);
        } else if (event instanceof ReportTriageOverdueEvent) {
            update.set("triageOverdue", true);
        }
        Query newer = Query.query(Criteria.where("_id").is(event.reportId())
                .orOperator(Criteria.where("version").lt(sequence), Criteria.where("version").exists(false)));
        if (mongo.updateFirst(newer, update, COLLECTION).getMatchedCount() == 0
                && mongo.findById(event.reportId(), Document.class, COLLECTION) == null) {
            mongo.upsert(Query.query(Criteria.where("_id").is(event.reportId())), update, COLLECTION);
        }
    }

    private Urgency urgency(String reportId) {
        Document report = mongo.findById(reportId, Document.class, COLLECTION);
        return report == null || report.getString("urgency") == null ? Urgency.MEDIUM : Urgency.valueOf(report.getString("urgency"));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(COLLECTION);
    }
}
