package id.amk.reporting.report.command;

import id.amk.contracts.lapor.ReportAccepted;
import id.amk.platform.test.MovableClock;
import id.amk.platform.web.RuleViolation;
import id.amk.reporting.report.api.ReportCommands.AcceptReportCommand;
import id.amk.reporting.report.api.ReportCommands.ChildHint;
import id.amk.reporting.report.api.ReportCommands.EscalateTriageCommand;
import id.amk.reporting.report.api.ReportCommands.ForwardReportCommand;
import id.amk.reporting.report.api.ReportCommands.RejectReportCommand;
import id.amk.reporting.report.api.ReportCommands.SubmitReportCommand;
import id.amk.reporting.report.api.ReportDetails;
import id.amk.reporting.report.api.ReportEvents.ReportAcceptedEvent;
import id.amk.reporting.report.api.ReportEvents.ReportForwardedEvent;
import id.amk.reporting.report.api.ReportEvents.ReportRejectedEvent;
import id.amk.reporting.report.api.ReportEvents.ReportSubmittedEvent;
import id.amk.reporting.report.api.ReportEvents.ReportTriageOverdueEvent;
import id.amk.reporting.report.api.ReportTypes.RejectReason;
import id.amk.reporting.report.api.ReportTypes.ReporterType;
import id.amk.reporting.report.api.ReportTypes.Urgency;
import id.amk.reporting.report.api.SealedText;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** Every command's outcomes, given earlier events, with a fixed clock. */
class ReportTest {

    private static final Instant NOW = Instant.parse("2026-11-20T03:00:00Z");
    private static final String ID = "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private static final ChildHint CHILD = new ChildHint("Budi", 9, "M");

    private AggregateTestFixture<Report> fixture;

    /** Seals predictably (no cryptography: that is SubjectKeys' job). */
    static final class FakeTexts implements ReportTexts {
        @Override
        public SealedText seal(String reportId, ReportDetails details) {
            return new SealedText("sealed:" + details.description());
        }

        @Override
        public Optional<ReportDetails> open(String reportId, SealedText sealed) {
            return Optional.empty();
        }

        @Override
        public SealedText sealText(String reportId, String text) {
            return text == null ? null : new SealedText("sealed:" + text);
        }

        @Override
        public Optional<String> openText(String reportId, SealedText sealed) {
            return Optional.empty();
        }

        @Override
        public void forget(String reportId) {
        }
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Report.class);
        fixture.registerInjectableResource(new MovableClock(NOW));
        fixture.registerInjectableResource(new FakeTexts());
    }

    private static SubmitReportCommand submit(String region, String description, ChildHint child, Urgency urgency) {
        return new SubmitReportCommand(ID, ReporterType.SCHOOL, "Ibu Ratna", "0812", region, description, child, urgency,
                Set.of("VIOLENCE_VICTIM"), "hash", "guru.bk");
    }

    private static ReportSubmittedEvent submitted() {
        return new ReportSubmittedEvent(ID, ReporterType.SCHOOL, "32.73.01", Urgency.HIGH, Set.of("VIOLENCE_VICTIM"),
                new SealedText("sealed:bruises"), "hash", "guru.bk", NOW);
    }

    @Test
    void a_report_is_submitted_with_its_details_sealed() {
        fixture.givenNoPriorActivity().when(submit("32.73.01", "bruises", CHILD, Urgency.HIGH)).expectEvents(submitted());
    }

    @Test
    void a_report_needs_a_regency_a_description_an_urgency_and_a_child_under_18() {
        fixture.givenNoPriorActivity().when(submit("32", "bruises", CHILD, Urgency.HIGH))
                .expectException(RuleViolation.class).expectExceptionMessage("invalid-region (regionCode)");
        fixture.givenNoPriorActivity().when(submit("32.73", " ", CHILD, Urgency.HIGH)).expectExceptionMessage("required (description)");
        fixture.givenNoPriorActivity().when(submit("32.73", "x", CHILD, null)).expectExceptionMessage("required (urgency)");
        fixture.givenNoPriorActivity().when(submit("32.73", "x", new ChildHint(null, 19, null), Urgency.LOW))
                .expectExceptionMessage("not-a-child (child.estimatedAge)");
    }

    @Test
    void acceptance_names_the_case_case_service_will_register_and_may_raise_the_urgency() {
        fixture.given(submitted()).when(new AcceptReportCommand(ID, Urgency.URGENT, null, "peksos.bandung", "peksos.bandung"))
                .expectEvents(new ReportAcceptedEvent(ID, ReportAccepted.caseIdOf(ID), "32.73.01", Urgency.URGENT, Set.of("VIOLENCE_VICTIM"),
                        "peksos.bandung", "peksos.bandung", NOW));
    }

    @Test
    void a_report_is_accepted_only_with_the_clusters_its_case_needs() {
        ReportSubmittedEvent withoutClusters = new ReportSubmittedEvent(ID, ReporterType.COMMUNITY, "32.73.01", Urgency.MEDIUM, Set.of(),
                new SealedText("sealed:x"), "hash", "public", NOW);
        fixture.given(withoutClusters).when(new AcceptReportCommand(ID, null, Set.of(), null, "w")).expectExceptionMessage("required (suspectedClusters)");
        fixture.given(withoutClusters).when(new AcceptReportCommand(ID, null, Set.of("NEGLECTED"), null, "w"))
                .expectEvents(new ReportAcceptedEvent(ID, ReportAccepted.caseIdOf(ID), "32.73.01", Urgency.MEDIUM, Set.of("NEGLECTED"), null, "w", NOW));
    }

    @Test
    void a_triaged_report_is_not_triaged_again() {
        ReportAcceptedEvent accepted = new ReportAcceptedEvent(ID, ReportAccepted.caseIdOf(ID), "32.73.01", Urgency.HIGH, Set.of(), null, "w", NOW);
        fixture.given(submitted(), accepted).when(new AcceptReportCommand(ID, null, null, null, "w"))
                .expectExceptionMessage("already-triaged (status)");
        fixture.given(submitted(), new ReportRejectedEvent(ID, RejectReason.OUT_OF_SCOPE, null, null, "w", NOW))
                .when(new ForwardReportCommand(ID, "31.72", "moved", "w")).expectExceptionMessage("already-triaged (status)");
    }

    @Test
    void a_duplicate_is_rejected_with_the_existing_case_and_out_of_scope_without() {
        fixture.given(submitted()).when(new RejectReportCommand(ID, RejectReason.DUPLICATE, "case-1", "already known", "w"))
                .expectEvents(new ReportRejectedEvent(ID, RejectReason.DUPLICATE, "case-1", new SealedText("sealed:already known"), "w", NOW));
        fixture.given(submitted()).when(new RejectReportCommand(ID, RejectReason.DUPLICATE, null, null, "w"))
                .expectExceptionMessage("required (linkedCaseId)");
        fixture.given(submitted()).when(new RejectReportCommand(ID, null, null, null, "w")).expectExceptionMessage("required (reason)");
        fixture.given(submitted()).when(new RejectReportCommand(ID, RejectReason.OUT_OF_SCOPE, "ignored", null, "w"))
                .expectEvents(new ReportRejectedEvent(ID, RejectReason.OUT_OF_SCOPE, null, null, "w", NOW));
    }

    @Test
    void a_report_is_forwarded_to_another_region_with_a_reason_and_triaged_there() {
        ReportForwardedEvent forwarded = new ReportForwardedEvent(ID, "32.73.01", "31.72", new SealedText("sealed:moved"), "w", NOW);
        fixture.given(submitted()).when(new ForwardReportCommand(ID, "31.72", "moved", "w")).expectEvents(forwarded);
        fixture.given(submitted()).when(new ForwardReportCommand(ID, "32.73.01", "moved", "w")).expectExceptionMessage("same-region (toRegionCode)");
        fixture.given(submitted()).when(new ForwardReportCommand(ID, "31.72", "", "w")).expectExceptionMessage("required (reason)");
        fixture.given(submitted(), forwarded).when(new AcceptReportCommand(ID, null, null, null, "peksos.jaktim"))
                .expectEvents(new ReportAcceptedEvent(ID, ReportAccepted.caseIdOf(ID), "31.72", Urgency.HIGH, Set.of("VIOLENCE_VICTIM"), null,
                        "peksos.jaktim", NOW));
    }

    @Test
    void a_missed_triage_deadline_escalates_once_per_region_and_never_after_triage() {
        Instant due = NOW.minusSeconds(60);
        ReportTriageOverdueEvent overdue = new ReportTriageOverdueEvent(ID, "32.73.01", Urgency.HIGH, due, "system", NOW);
        fixture.given(submitted()).when(new EscalateTriageCommand(ID, due)).expectEvents(overdue);
        fixture.given(submitted(), overdue).when(new EscalateTriageCommand(ID, due)).expectNoEvents();
        ReportForwardedEvent forwarded = new ReportForwardedEvent(ID, "32.73.01", "31.72", new SealedText("sealed:moved"), "w", NOW);
        fixture.given(submitted(), overdue, forwarded).when(new EscalateTriageCommand(ID, due))
                .expectEvents(new ReportTriageOverdueEvent(ID, "31.72", Urgency.HIGH, due, "system", NOW));
        fixture.given(submitted(), new ReportRejectedEvent(ID, RejectReason.OUT_OF_SCOPE, null, null, "w", NOW))
                .when(new EscalateTriageCommand(ID, due)).expectNoEvents();
    }

    @Test
    void a_region_outside_the_reference_list_is_refused() {
        fixture.givenNoPriorActivity().when(submit("99.99", "bruises", CHILD, Urgency.HIGH))
                .expectException(RuleViolation.class).expectExceptionMessage("unknown-region (regionCode)");
        fixture.given(submitted()).when(new ForwardReportCommand(ID, "32.99", "moved", "w")).expectExceptionMessage("unknown-region (toRegionCode)");
    }
}
