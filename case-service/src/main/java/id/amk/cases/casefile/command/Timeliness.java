package id.amk.cases.casefile.command;

import id.amk.cases.casefile.api.Deadline;

import java.time.Instant;
import java.util.Optional;

/** The one deadline a case is running against now, if any: the next step of its current stage. */
public final class Timeliness {

    public record Due(Deadline deadline, Instant dueAt) {
    }

    public static Optional<Due> current(CaseState state, TimelinessRules rules) {
        if (state.stage() == null) {
            return Optional.empty();
        }
        Optional<Due> due = switch (state.stage()) {
            case REGISTERED -> state.firstContactAt() == null
                    ? Optional.of(new Due(Deadline.FIRST_CONTACT, state.stageSince().plus(rules.firstContact(state.riskLevel()))))
                    : Optional.of(new Due(Deadline.ASSESSMENT, state.firstContactAt().plus(rules.assessment(state.riskLevel()))));
            case ASSESSED -> Optional.of(new Due(Deadline.PLAN, state.stageSince().plus(rules.plan())));
            case IN_INTERVENTION -> Optional.of(new Due(Deadline.MONITORING_REVIEW,
                    latest(state.stageSince(), state.lastNoteAt()).plus(rules.monitoringReview())));
            case PLANNED, REINTEGRATION, CLOSED -> Optional.empty();
        };
        // a deadline already recorded as missed is escalated once; the next one starts when the step is done
        return due.filter(d -> !state.missed(d.deadline(), d.dueAt()));
    }

    private static Instant latest(Instant a, Instant b) {
        return b != null && b.isAfter(a) ? b : a;
    }


    private Timeliness() {
    }
}
