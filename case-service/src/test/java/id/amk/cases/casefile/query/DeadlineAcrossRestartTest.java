package id.amk.cases.casefile.query;

import id.amk.cases.CaseServiceApplication;
import id.amk.platform.test.MovableClock;
import id.amk.cases.casefile.api.Child;
import id.amk.cases.casefile.api.Commands.RecordFirstContactCommand;
import id.amk.cases.casefile.api.Commands.RegisterCaseCommand;
import id.amk.cases.casefile.api.Deadline;
import id.amk.cases.casefile.api.Events.CaseDeadlineMissedEvent;
import id.amk.cases.casefile.api.RiskLevel;
import id.amk.contracts.Topics;
import id.amk.platform.test.AmkTest;
import id.amk.platform.test.TopicReader;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A deadline that passes while case-service is down is found, recorded once and published after it starts again. */
@AmkTest
class DeadlineAcrossRestartTest {

    static final MovableClock CLOCK = new MovableClock(Instant.now());

    /** Replaces the service's clock bean (same name; registered after the application's own configuration). */
    static class TestClock {
        @Bean
        Clock clock() {
            return CLOCK;
        }
    }

    private final String database = "deadlines-" + UUID.randomUUID();
    private ConfigurableApplicationContext app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void an_urgent_first_contact_missed_during_downtime_is_escalated_once_after_the_restart() {
        Instant t0 = Instant.now();
        CLOCK.set(t0);
        app = start();
        String caseId = UUID.randomUUID().toString();
        app.getBean(CommandGateway.class).sendAndWait(new RegisterCaseCommand(caseId, "AMK-3273-2026-999999", "32.73.01",
                new Child("Anak", null, LocalDate.parse("2016-02-02"), null, "M", null, null, null, null), Set.of("ABH"),
                id.amk.cases.casefile.api.AbhRole.VICTIM, RiskLevel.URGENT, "POLICE", null, true, "peksos-1", "peksos-1", null));
        MongoTemplate mongo = app.getBean(MongoTemplate.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(caseId, Document.class, DeadlineWatch.COLLECTION) != null);
        app.close();

        CLOCK.set(t0.plus(Duration.ofHours(25)));
        app = start();
        EventStore events = app.getBean(EventStore.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> missed(events, caseId).size() == 1);
        DeadlineWatch watch = app.getBean(DeadlineWatch.class);
        watch.checkDeadlines();
        watch.checkDeadlines();
        List<CaseDeadlineMissedEvent> missed = missed(events, caseId);
        assertThat(missed).hasSize(1);
        assertThat(missed.get(0).deadline()).isEqualTo(Deadline.FIRST_CONTACT);
        assertThat(missed.get(0).dueAt()).isEqualTo(t0.plus(Duration.ofHours(24)));

        MongoTemplate mongo2 = app.getBean(MongoTemplate.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Document summary = mongo2.findById(caseId, Document.class, "case_summaries");
            return summary != null && summary.getList("overdue", String.class).contains("FIRST_CONTACT");
        });
        TopicReader.recordsOf(Topics.CASE_EVENTS, caseId,
                records -> records.stream().anyMatch(r -> "amk.case.CaseDeadlineMissed.v1".equals(TopicReader.header(r, "ce_type"))));

        // the late contact meets it: no longer overdue, and the next deadline (assessment) starts
        app.getBean(CommandGateway.class).sendAndWait(new RecordFirstContactCommand(caseId, CLOCK.instant(), "late", "peksos-1", null));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Document summary = mongo2.findById(caseId, Document.class, "case_summaries");
            Document deadline = mongo2.findById(caseId, Document.class, DeadlineWatch.COLLECTION);
            return summary.getList("overdue", String.class).isEmpty() && "ASSESSMENT".equals(deadline.getString("deadline"));
        });
    }

    private static List<CaseDeadlineMissedEvent> missed(EventStore events, String caseId) {
        return events.readEvents(caseId).asStream().map(m -> m.getPayload())
                .filter(CaseDeadlineMissedEvent.class::isInstance).map(CaseDeadlineMissedEvent.class::cast).toList();
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(CaseServiceApplication.class, TestClock.class)
                .run("--spring.data.mongodb.database=" + database, "--server.port=0",
                        "--amk.cases.timeliness.check-interval=300ms", "--amk.cases.timeliness.first-check=0s",
                        "--spring.main.allow-bean-definition-overriding=true");
    }
}
