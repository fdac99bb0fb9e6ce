package id.amk.reporting.privacy;

import id.amk.contracts.Topics;
import id.amk.contracts.cases.PersonalDataErased;
import id.amk.platform.kafka.IntegrationEventListener;
import id.amk.platform.kafka.ReceivedEvent;
import id.amk.reporting.report.command.ReportTexts;
import id.amk.reporting.report.query.ReportView;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * A case's erasure ({@code PersonalDataErased}) reaches everything reporting-service keeps of its child: the key of the
 * case's coordination messages and the key of the report it came from are forgotten, so none of it can be read again.
 */
@Component
class Erasure implements IntegrationEventListener {

    private final MongoTemplate mongo;
    private final ReportTexts reports;
    private final CaseTexts cases;

    Erasure(MongoTemplate mongo, ReportTexts reports, CaseTexts cases) {
        this.mongo = mongo;
        this.reports = reports;
        this.cases = cases;
    }

    @Override
    public String name() {
        return "erasure";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.CASE_EVENTS);
    }

    @Override
    public void on(ReceivedEvent event) {
        if (!PersonalDataErased.TYPE.type().equals(event.type())) {
            return;
        }
        String caseId = event.dataAs(PersonalDataErased.class).caseId();
        cases.forget(caseId);
        for (Document report : mongo.find(Query.query(Criteria.where("caseId").is(caseId)), Document.class, ReportView.COLLECTION)) {
            reports.forget(report.getString("_id"));
        }
    }
}
