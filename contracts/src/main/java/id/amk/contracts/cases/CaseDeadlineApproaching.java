package id.amk.contracts.cases;

import id.amk.contracts.EventType;
import id.amk.contracts.Topics;

import java.time.Instant;

/** {@code amk.case.CaseDeadlineApproaching.v1}: a step falls due soon and is not done; the assigned worker is reminded. */
public record CaseDeadlineApproaching(String caseId, String deadline, Instant dueAt, String regionCode, String assignedWorkerId,
                                      Instant remindedAt) {

    public static final EventType TYPE = new EventType("amk.case.CaseDeadlineApproaching.v1", Topics.CASE_EVENTS,
            CaseDeadlineApproaching.class);
}
