package id.amk.referrals.referral.query;

import id.amk.contracts.Topics;
import id.amk.platform.test.AmkTest;
import id.amk.platform.test.MovableClock;
import id.amk.platform.test.TopicReader;
import id.amk.referrals.ReferralServiceApplication;
import id.amk.referrals.referral.api.Codes.ConsentBy;
import id.amk.referrals.referral.api.Component;
import id.amk.referrals.referral.api.Facts.CaseFacts;
import id.amk.referrals.referral.api.Facts.ProviderFacts;
import id.amk.referrals.referral.api.ReferralCommands.AcceptReferralCommand;
import id.amk.referrals.referral.api.ReferralCommands.RequestReferralCommand;
import id.amk.referrals.referral.api.ReferralEvents.ReferralEscalatedEvent;
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
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An urgent referral whose 24 hours pass while referral-service is down escalates once after it starts again; an answered one never. */
@AmkTest
class EscalationAcrossRestartTest {

    static final MovableClock CLOCK = new MovableClock(Instant.now());

    /** Replaces the service's clock bean (same name; registered after the application's own configuration). */
    static class TestClock {
        @Bean
        Clock clock() {
            return CLOCK;
        }
    }

    private final String database = "escalation-" + UUID.randomUUID();
    private ConfigurableApplicationContext app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void an_unanswered_urgent_referral_escalates_once_after_a_restart_and_an_answered_one_does_not() {
        Instant t0 = Instant.now();
        CLOCK.set(t0);
        app = start();
        String unanswered = UUID.randomUUID().toString();
        String answered = UUID.randomUUID().toString();
        CommandGateway commands = app.getBean(CommandGateway.class);
        for (String id : List.of(unanswered, answered)) {
            commands.sendAndWait(new RequestReferralCommand(id, new CaseFacts(UUID.randomUUID().toString(), "32.73.01", "peksos-1", "PLANNED"),
                    new ProviderFacts("sentra-1", "agency-1", List.of("32"), Set.of(Component.THERAPY), 10, 0, true), Set.of(Component.THERAPY),
                    "needs a doctor", false, true, ConsentBy.GUARDIAN, null, null, "peksos-1"));
        }
        commands.sendAndWait(new AcceptReferralCommand(answered, null, "mitra-1", null));
        MongoTemplate mongo = app.getBean(MongoTemplate.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Document doc = mongo.findById(answered, Document.class, ReferralView.COLLECTION);
            return doc != null && "ACCEPTED".equals(doc.getString("status"));
        });
        // 23 hours later nothing is due yet
        CLOCK.set(t0.plus(Duration.ofHours(23)));
        app.getBean(ResponseWatch.class).checkDeadlines();
        assertThat(escalations(app.getBean(EventStore.class), unanswered)).isEmpty();
        app.close();

        CLOCK.set(t0.plus(Duration.ofHours(25)));
        app = start();
        EventStore events = app.getBean(EventStore.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> escalations(events, unanswered).size() == 1);
        ResponseWatch watch = app.getBean(ResponseWatch.class);
        watch.checkDeadlines();
        watch.checkDeadlines();
        List<ReferralEscalatedEvent> escalated = escalations(events, unanswered);
        assertThat(escalated).hasSize(1);
        assertThat(escalated.get(0).dueAt()).isEqualTo(t0.plus(Duration.ofHours(24)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(escalated.get(0).escalatedTo()).isEqualTo("32");
        assertThat(escalations(events, answered)).isEmpty();

        TopicReader.recordsOf(Topics.REFERRAL_EVENTS, unanswered,
                records -> records.stream().anyMatch(r -> "amk.referral.ReferralEscalated.v1".equals(TopicReader.header(r, "ce_type"))));
        MongoTemplate mongo2 = app.getBean(MongoTemplate.class);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Boolean.TRUE.equals(mongo2.findById(unanswered, Document.class, ReferralView.COLLECTION).getBoolean("escalated")));
    }

    private static List<ReferralEscalatedEvent> escalations(EventStore events, String referralId) {
        return events.readEvents(referralId).asStream().map(m -> m.getPayload())
                .filter(ReferralEscalatedEvent.class::isInstance).map(ReferralEscalatedEvent.class::cast).toList();
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(ReferralServiceApplication.class, TestClock.class)
                .run("--spring.data.mongodb.database=" + database, "--server.port=0",
                        "--amk.referrals.check-interval=300ms", "--amk.referrals.first-check=0s",
                        "--spring.main.allow-bean-definition-overriding=true");
    }
}
