package id.amk.cases.casefile.command;

import id.amk.cases.casefile.api.Events;
import id.amk.cases.casefile.api.SealedText;

import id.amk.cases.casefile.api.SealedChild;
import id.amk.cases.casefile.api.SealedText;
import id.amk.cases.casefile.api.Commands.PlanAction;
import id.amk.cases.casefile.api.Deadline;
import id.amk.cases.casefile.api.Events.CaseAssessedEvent;
import id.amk.cases.casefile.api.Events.CaseDeadlineMissedEvent;
import id.amk.cases.casefile.api.Events.CasePlannedEvent;
import id.amk.cases.casefile.api.Events.CaseRegisteredEvent;
import id.amk.cases.casefile.api.Events.FirstContactRecordedEvent;
import id.amk.cases.casefile.api.Events.InterventionStartedEvent;
import id.amk.cases.casefile.api.Events.ProgressNoteAddedEvent;
import id.amk.cases.casefile.api.Events.ReintegrationStartedEvent;
import id.amk.cases.casefile.api.RiskLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TimelinessTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final TimelinessRules RULES = TimelinessRules.defaults();

    private static CaseState registered(RiskLevel risk) {
        return CaseState.initial().apply(new CaseRegisteredEvent("c", "n", "32.73", new SealedChild("sealed"), Set.of("NEGLECT_VICTIM"), null, risk, "WALK_IN", null, true, "w", "w", T0, "c"));
    }

    @ParameterizedTest
    @CsvSource({"URGENT,24", "HIGH,72", "MEDIUM,168", "LOW,336"})
    void first_contact_is_due_by_risk(RiskLevel risk, long hours) {
        assertThat(Timeliness.current(registered(risk), RULES))
                .contains(new Timeliness.Due(Deadline.FIRST_CONTACT, T0.plus(Duration.ofHours(hours))));
    }

    @ParameterizedTest
    @CsvSource({"URGENT,3", "HIGH,3", "MEDIUM,7", "LOW,7"})
    void assessment_is_due_after_first_contact_by_risk(RiskLevel risk, long days) {
        Instant contact = T0.plus(Duration.ofHours(5));
        CaseState state = registered(risk).apply(new FirstContactRecordedEvent("c", contact, null, "w", contact));
        assertThat(Timeliness.current(state, RULES)).contains(new Timeliness.Due(Deadline.ASSESSMENT, contact.plus(Duration.ofDays(days))));
    }

    @Test
    void the_plan_is_due_14_days_after_the_assessment_and_reviews_every_30_days_during_intervention() {
        Instant assessed = T0.plus(Duration.ofDays(2));
        CaseState state = registered(RiskLevel.LOW).apply(new FirstContactRecordedEvent("c", T0, null, "w", T0))
                .apply(new CaseAssessedEvent("c", List.of(new SealedText("n")), List.of(), Set.of(), null, "w", assessed));
        assertThat(Timeliness.current(state, RULES)).contains(new Timeliness.Due(Deadline.PLAN, assessed.plus(Duration.ofDays(14))));

        Instant started = assessed.plus(Duration.ofDays(3));
        state = state.apply(new CasePlannedEvent("c", List.of(new SealedText("g")), List.of(new Events.SealedPlanAction(new SealedText("a"), LocalDate.parse("2027-01-01"), new SealedText("w"))), "w", started))
                .apply(new InterventionStartedEvent("c", "w", started));
        assertThat(Timeliness.current(state, RULES)).contains(new Timeliness.Due(Deadline.MONITORING_REVIEW, started.plus(Duration.ofDays(30))));

        Instant noted = started.plus(Duration.ofDays(20));
        state = state.apply(new ProgressNoteAddedEvent("c", new SealedText("review"), "w", noted));
        assertThat(Timeliness.current(state, RULES)).contains(new Timeliness.Due(Deadline.MONITORING_REVIEW, noted.plus(Duration.ofDays(30))));

        assertThat(Timeliness.current(state.apply(new ReintegrationStartedEvent("c", new SealedText("r"), "w", noted)), RULES)).isEmpty();
    }

    @Test
    void a_missed_deadline_is_overdue_until_its_step_is_done_and_is_not_due_again() {
        CaseState state = registered(RiskLevel.URGENT);
        Instant due = T0.plus(Duration.ofHours(24));
        state = state.apply(new CaseDeadlineMissedEvent("c", Deadline.FIRST_CONTACT, due, "32.73", "w", "system", due));
        assertThat(state.overdue()).containsExactly(Deadline.FIRST_CONTACT);
        assertThat(Timeliness.current(state, RULES)).isEmpty();
        Instant late = due.plus(Duration.ofHours(2));
        state = state.apply(new FirstContactRecordedEvent("c", late, null, "w", late));
        assertThat(state.overdue()).isEmpty();
        assertThat(Timeliness.current(state, RULES)).contains(new Timeliness.Due(Deadline.ASSESSMENT, late.plus(Duration.ofDays(3))));
    }
}
