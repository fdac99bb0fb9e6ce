package id.amk.reporting.report.query;

import id.amk.contracts.Topics;
import id.amk.contracts.cases.PersonalDataErased;
import id.amk.platform.kafka.IntegrationEventListener;
import id.amk.platform.kafka.ReceivedEvent;
import id.amk.reporting.report.command.ReportTexts;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.Set;

/** A case's erasure reaches the report it came from: the report's key is forgotten, so its personal data cannot be read anymore. */
@Component
class ReportErasure implements IntegrationEventListener {

    private final MongoTemplate mongo;
    private final ReportTexts texts;

    ReportErasure(MongoTemplate mongo, ReportTexts texts) {
        this.mongo = mongo;
        this.texts = texts;
    }

    @Override
    public String name() {
        return "report-erasure";
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
        for (Document report : mongo.find(Query.query(Criteria.where("caseId").is(caseId)), Document.class, ReportView.COLLECTION)) {
            texts.forget(report.getString("_id"));
        }
    }
}
