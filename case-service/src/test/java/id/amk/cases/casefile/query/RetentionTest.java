package id.amk.cases.casefile.query;

import id.amk.cases.CaseServiceApplication;
import id.amk.cases.casefile.api.Child;
import id.amk.cases.casefile.api.Commands;
import id.amk.cases.casefile.api.Events.PersonalDataErasedEvent;
import id.amk.cases.casefile.api.RiskLevel;
import id.amk.cases.casefile.command.CaseState;
import id.amk.platform.test.AmkTest;
import id.amk.platform.test.MovableClock;
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

/**
 * A case closed for longer than the retention period loses its child's personal data by itself; one on legal hold keeps
 * them, and one closed more recently too. Run with the service's own watch, view and clock moved five years ahead.
 */
@AmkTest
class RetentionTest {

    static final MovableClock CLOCK = new MovableClock(Instant.now());

    static class TestClock {
        @Bean
        Clock clock() {
            return CLOCK;
        }
    }

    private ConfigurableApplicationContext app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void closed_for_the_whole_period_is_erased_on_hold_or_closed_later_is_kept() {
        Instant t0 = Instant.now();
        CLOCK.set(t0);
        app = new SpringApplicationBuilder(CaseServiceApplication.class, TestClock.class)
                .run("--spring.data.mongodb.database=retention-" + UUID.randomUUID(), "--server.port=0",
                        "--amk.cases.retention.after-closure=P5Y", "--amk.cases.retention.check-interval=1h",
                        "--spring.main.allow-bean-definition-overriding=true");
        CommandGateway commands = app.getBean(CommandGateway.class);
        String old = closedCase(commands);
        String held = closedCase(commands);
        commands.sendAndWait(new Commands.PlaceLegalHoldCommand(held, "PN Bandung 12/Pid.Sus-Anak/2026", "spv-1", null));
        CLOCK.set(t0.plus(Duration.ofDays(2 * 365)));
        String recent = closedCase(commands);

        MongoTemplate mongo = app.getBean(MongoTemplate.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.count(new org.springframework.data.mongodb.core.query.Query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").in(old, held, recent)), RetentionWatch.COLLECTION) == 3
                && mongo.findById(held, Document.class, RetentionWatch.COLLECTION).get("eraseAt") == null);
        RetentionWatch watch = app.getBean(RetentionWatch.class);
        watch.applyRetention();
        assertThat(erased(old)).as("nothing is due yet").isFalse();

        CLOCK.set(t0.plus(Duration.ofDays(5 * 365 + 2)));
        watch.applyRetention();
        watch.applyRetention(); // a second sweep (another instance, a restart) changes nothing
        assertThat(erased(old)).isTrue();
        assertThat(erased(held)).as("on legal hold").isFalse();
        assertThat(erased(recent)).as("closed three years ago").isFalse();
        List<PersonalDataErasedEvent> erasures = app.getBean(EventStore.class).readEvents(old).asStream().map(m -> m.getPayload())
                .filter(PersonalDataErasedEvent.class::isInstance).map(PersonalDataErasedEvent.class::cast).toList();
        assertThat(erasures).hasSize(1);
        assertThat(erasures.get(0).actor()).isEqualTo("amk-retention");
        assertThat(erasures.get(0).reason()).isEqualTo("retention: closed for P5Y");
    }

    private boolean erased(String caseId) {
        return app.getBean(CommandGateway.class).<CaseState>sendAndWait(new Commands.DescribeCaseCommand(caseId)).personalDataErased();
    }

    private static String closedCase(CommandGateway commands) {
        String caseId = UUID.randomUUID().toString();
        commands.sendAndWait(new Commands.RegisterCaseCommand(caseId, "AMK-3273-2026-" + (100000 + (int) (Math.random() * 899999)), "32.73.01",
                new Child("Anak Retensi", null, LocalDate.parse("2015-02-02"), null, "F", null, null, null, null), Set.of("NEGLECT_VICTIM"),
                null, RiskLevel.MEDIUM, "WALK_IN", null, true, "peksos-1", "peksos-1", null));
        commands.sendAndWait(new Commands.RecordFirstContactCommand(caseId, CLOCK.instant(), null, "peksos-1", null));
        commands.sendAndWait(new Commands.RecordAssessmentCommand(caseId, List.of("care"), List.of(), Set.of(), null, "peksos-1", null));
        commands.sendAndWait(new Commands.RecordPlanCommand(caseId, List.of("cared for"),
                List.of(new Commands.PlanAction("home visits", LocalDate.now().plusDays(30), "peksos-1")), "peksos-1", null));
        commands.sendAndWait(new Commands.StartInterventionCommand(caseId, "peksos-1", null));
        commands.sendAndWait(new Commands.StartReintegrationCommand(caseId, "back home", "peksos-1", null));
        commands.sendAndWait(new Commands.CloseCaseCommand(caseId, "GOALS_MET", "with family", "peksos-1", null));
        return caseId;
    }
}
