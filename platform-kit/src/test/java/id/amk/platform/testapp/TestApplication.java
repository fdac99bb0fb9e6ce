package id.amk.platform.testapp;

import id.amk.contracts.cases.CaseStageChanged;
import id.amk.platform.kafka.IntegrationEventListener;
import id.amk.platform.kafka.ReceivedEvent;
import id.amk.platform.relay.IntegrationEventMapper;
import id.amk.platform.relay.OutgoingEvent;
import id.amk.platform.security.AmkCaller;
import id.amk.platform.web.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.beans.factory.annotation.Value;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** A minimal service on platform-kit, as the real services use it. */
@SpringBootApplication
public class TestApplication {

    /** A domain event of the test service, published to Kafka as CaseStageChanged. */
    public record StageMoved(String caseId, String to, long n) {
    }

    @Bean
    IntegrationEventMapper stageMovedMapper() {
        return event -> event.getPayload() instanceof StageMoved moved
                ? Optional.of(new OutgoingEvent(CaseStageChanged.TYPE, new CaseStageChanged(moved.caseId(), "REGISTERED",
                moved.to(), "tester", event.getTimestamp(), "n=" + moved.n(), null, null)))
                : Optional.empty();
    }

    /** Records what it receives; fails on events whose subject says so. */
    public static class RecordingListener implements IntegrationEventListener {
        private final String topic;
        public final List<ReceivedEvent> received = new CopyOnWriteArrayList<>();
        public final List<String> attempts = new CopyOnWriteArrayList<>();

        public RecordingListener(String topic) {
            this.topic = topic;
        }

        @Override
        public String name() {
            return "recorder";
        }

        @Override
        public Set<String> topics() {
            return Set.of(topic);
        }

        @Override
        public void on(ReceivedEvent event) {
            attempts.add(event.id());
            if ("always-fails".equals(event.subject())) {
                throw new IllegalStateException("cannot handle this one");
            }
            received.add(event);
        }
    }

    @Bean
    RecordingListener recordingListener(@Value("${test.topic:test.events.v1}") String topic) {
        return new RecordingListener(topic);
    }

    public record Greeting(@NotBlank String name) {
    }

    /** A command of the test service: its handler records a StageMoved event for the case. */
    public record MoveStage(String caseId) {
    }

    @Component
    static class StageMover {
        private final EventStore events;

        StageMover(EventStore events) {
            this.events = events;
        }

        @CommandHandler
        void handle(MoveStage command) {
            events.publish(new GenericDomainEventMessage<>("Case", command.caseId(), 0, new StageMoved(command.caseId(), "ASSESSED", 0)));
        }
    }

    @RestController
    static class TestController {
        private final CommandGateway commands;

        TestController(CommandGateway commands) {
            this.commands = commands;
        }

        @GetMapping("/api/me")
        Map<String, Object> me() {
            AmkCaller caller = AmkCaller.current().orElseThrow();
            return Map.of("subject", caller.subject(), "roles", caller.roles(), "regions", caller.regions(),
                    "coversBandung", caller.covers("32.73.01.1001"));
        }

        @PostMapping("/api/greetings")
        Map<String, String> greet(@Valid @RequestBody Greeting greeting) {
            return Map.of("hello", greeting.name());
        }

        @PostMapping("/api/stage-moves/{caseId}")
        void move(@PathVariable String caseId) {
            commands.sendAndWait(new MoveStage(caseId));
        }

        @GetMapping("/api/refusal")
        void refuse() {
            throw new ProblemException(HttpStatus.CONFLICT, "validation", Map.of("field", "name"));
        }

        @GetMapping("/api/bug")
        void bug() {
            throw new IllegalStateException("secret internals: NIK 3273010101010001");
        }
    }
}
