package id.amk.referrals.cases;

import id.amk.contracts.Topics;
import id.amk.contracts.cases.CaseAssigned;
import id.amk.contracts.cases.CaseRegistered;
import id.amk.contracts.cases.CaseStageChanged;
import id.amk.contracts.cases.PersonalDataErased;
import id.amk.platform.kafka.IntegrationEventListener;
import id.amk.platform.kafka.ReceivedEvent;
import id.amk.referrals.referral.api.Codes.CancelReason;
import id.amk.referrals.referral.api.Facts.CaseFacts;
import id.amk.referrals.referral.api.ReferralCommands.CancelReferralCommand;
import id.amk.referrals.referral.command.CaseTexts;
import id.amk.referrals.referral.command.ReferralRuleViolation;
import id.amk.referrals.referral.query.ReferralView;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The cases referral-service knows, from {@code case.events.v1}: where each is, who works on it, its stage and the
 * ATENSI components its assessment recommends. A closed case's open referrals are cancelled; a case whose personal
 * data was erased has its key forgotten, so every referral text of it becomes unreadable.
 */
@Component
public class KnownCases implements IntegrationEventListener {

    private static final Logger log = LoggerFactory.getLogger(KnownCases.class);
    static final String COLLECTION = "known_cases";

    private final MongoTemplate mongo;
    private final CommandGateway commands;
    private final CaseTexts texts;
    private final Clock clock;

    KnownCases(MongoTemplate mongo, CommandGateway commands, CaseTexts texts, Clock clock) {
        this.mongo = mongo;
        this.commands = commands;
        this.texts = texts;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "known-cases";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.CASE_EVENTS);
    }

    @Override
    public void on(ReceivedEvent event) {
        if (CaseRegistered.TYPE.type().equals(event.type())) {
            CaseRegistered e = event.dataAs(CaseRegistered.class);
            upsert(e.caseId(), new Update().setOnInsert("stage", "REGISTERED").set("regionCode", e.regionCode())
                    .set("worker", e.assignedWorkerId()).set("riskLevel", e.riskLevel()).set("caseNumber", e.caseNumber()));
        } else if (CaseAssigned.TYPE.type().equals(event.type())) {
            CaseAssigned e = event.dataAs(CaseAssigned.class);
            upsert(e.caseId(), new Update().set("regionCode", e.regionCode()).set("worker", e.assignedWorkerId()));
        } else if (CaseStageChanged.TYPE.type().equals(event.type())) {
            CaseStageChanged e = event.dataAs(CaseStageChanged.class);
            Update update = new Update().set("stage", e.to());
            if ("CLOSED".equals(e.to())) {
                update.set("closedAt", Date.from(e.changedAt()));
            } else {
                update.unset("closedAt");
            }
            if (e.recommendedComponents() != null) {
                update.set("recommendedComponents", e.recommendedComponents());
            }
            if (e.riskLevel() != null) {
                update.set("riskLevel", e.riskLevel());
            }
            upsert(e.caseId(), update);
            if ("CLOSED".equals(e.to())) {
                cancelOpenReferrals(e.caseId());
            }
        } else if (PersonalDataErased.TYPE.type().equals(event.type())) {
            PersonalDataErased e = event.dataAs(PersonalDataErased.class);
            texts.forget(e.caseId());
            upsert(e.caseId(), new Update().set("personalDataErasedAt", Date.from(e.erasedAt())));
        }
    }

    public Optional<CaseFacts> find(String caseId) {
        return Optional.ofNullable(mongo.findById(caseId, Document.class, COLLECTION))
                .filter(d -> d.getString("regionCode") != null)
                .map(d -> new CaseFacts(caseId, d.getString("regionCode"), d.getString("worker"), d.getString("stage")));
    }

    public List<String> recommendedComponents(String caseId) {
        Document d = mongo.findById(caseId, Document.class, COLLECTION);
        return d == null || d.getList("recommendedComponents", String.class) == null ? List.of()
                : d.getList("recommendedComponents", String.class);
    }

    /**
     * A referral requested just before its case's closure reached this service may enter the referral view only after
     * the closure was handled: cases closed within the last hour are looked at again on every check.
     */
    @Scheduled(fixedDelayString = "${amk.referrals.check-interval:30s}", initialDelayString = "${amk.referrals.first-check:5s}")
    public void cancelReferralsOfRecentlyClosedCases() {
        Query recentlyClosed = Query.query(Criteria.where("closedAt").gte(Date.from(clock.instant().minus(Duration.ofHours(1)))));
        for (Document closed : mongo.find(recentlyClosed, Document.class, COLLECTION)) {
            cancelOpenReferrals(closed.getString("_id"));
        }
    }

    /** Closing a case ends its open referrals: the provider stops serving a case that no longer exists. */
    private void cancelOpenReferrals(String caseId) {
        Query open = Query.query(Criteria.where("caseId").is(caseId).and("status").in("REQUESTED", "ACCEPTED", "IN_SERVICE"));
        for (Document referral : mongo.find(open, Document.class, ReferralView.COLLECTION)) {
            try {
                commands.sendAndWait(new CancelReferralCommand(referral.getString("_id"), CancelReason.CASE_CLOSED, null, "system", null));
            } catch (ReferralRuleViolation alreadyEnded) {
                log.debug("Referral {} had ended already", referral.getString("_id"));
            }
        }
    }

    private void upsert(String caseId, Update update) {
        mongo.upsert(Query.query(Criteria.where("_id").is(caseId)), update, COLLECTION);
    }
}
