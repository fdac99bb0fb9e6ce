package id.amk.reporting.report.query;

import id.amk.reporting.report.api.ReportEvents.ReportAcceptedEvent;
import id.amk.reporting.report.api.ReportEvents.ReportEvent;
import id.amk.reporting.report.api.ReportEvents.ReportForwardedEvent;
import id.amk.reporting.report.api.ReportEvents.ReportRejectedEvent;
import id.amk.reporting.report.api.ReportEvents.ReportSubmittedEvent;
import id.amk.reporting.report.api.ReportTypes.ReportStatus;
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
 * the case it became — no personal data (that stays sealed in the events). Each event applies once (version).
 */
@Component
@ProcessingGroup("report-views")
public class ReportView {

    public static final String COLLECTION = "reports";

    private final MongoTemplate mongo;

    ReportView(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(ReportEvent event, @SequenceNumber long sequence) {
        Update update = new Update().set("version", sequence).set("updatedAt", Date.from(event.at()));
        if (event instanceof ReportSubmittedEvent e) {
            update.set("reporterType", e.reporterType().name()).set("regionCode", e.regionCode()).set("urgency", e.urgency().name())
                    .set("suspectedClusters", e.suspectedClusters().stream().sorted().toList()).set("status", ReportStatus.SUBMITTED.name())
                    .set("trackingHash", e.trackingHash()).set("submittedBy", e.actor()).set("submittedAt", Date.from(e.at()));
        } else if (event instanceof ReportAcceptedEvent e) {
            update.set("status", ReportStatus.ACCEPTED.name()).set("caseId", e.caseId()).set("urgency", e.urgency().name())
                    .set("triagedBy", e.actor());
        } else if (event instanceof ReportRejectedEvent e) {
            update.set("status", ReportStatus.REJECTED.name()).set("rejectReason", e.reason().name()).set("linkedCaseId", e.linkedCaseId())
                    .set("triagedBy", e.actor());
        } else if (event instanceof ReportForwardedEvent e) {
            update.set("status", ReportStatus.FORWARDED.name()).set("regionCode", e.toRegionCode()).set("forwardedFrom", e.fromRegionCode());
        }
        Query newer = Query.query(Criteria.where("_id").is(event.reportId())
                .orOperator(Criteria.where("version").lt(sequence), Criteria.where("version").exists(false)));
        if (mongo.updateFirst(newer, update, COLLECTION).getMatchedCount() == 0
                && mongo.findById(event.reportId(), Document.class, COLLECTION) == null) {
            mongo.upsert(Query.query(Criteria.where("_id").is(event.reportId())), update, COLLECTION);
        }
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(COLLECTION);
    }
}
