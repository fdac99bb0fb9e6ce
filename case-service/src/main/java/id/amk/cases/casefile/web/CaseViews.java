package id.amk.cases.casefile.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.amk.cases.casefile.api.AbhRole;
import id.amk.cases.casefile.api.Child;
import id.amk.cases.casefile.api.Deadline;
import id.amk.cases.casefile.api.Events.FirstContactRecordedEvent;
import id.amk.cases.casefile.api.Events.FollowUpVisitRecordedEvent;
import id.amk.cases.casefile.api.Events.ProgressNoteAddedEvent;
import id.amk.cases.casefile.api.SealedText;
import id.amk.cases.casefile.api.Commands.PlanAction;
import id.amk.cases.casefile.api.RiskLevel;
import id.amk.cases.casefile.api.Stage;
import id.amk.cases.casefile.command.CaseState;
import id.amk.cases.casefile.command.Timeliness;
import id.amk.cases.casefile.query.CaseSummary;
import id.amk.cases.integration.CaseReferrals;
import org.axonframework.eventhandling.DomainEventMessage;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** What /api/cases answers. */
final class CaseViews {

    record CaseDetail(String caseId, String caseNumber, Stage stage, String regionCode, Child child, Set<String> clusters,
                      AbhRole abhRole, RiskLevel riskLevel, String source, String reportId, boolean consent, String assignedWorker,
                      Instant firstContactAt, List<String> needs, List<String> risks, Set<String> recommendedComponents,
                      List<String> goals, List<PlanAction> actions, String closureReason, String outcome, int followUpVisits,
                      int progressNotes, Set<Deadline> overdue, Deadline nextDeadline, Instant nextDueAt,
                      List<CaseReferrals.Referral> referrals, boolean personalDataErased,
                      Instant registeredAt, Instant lastChangedAt, long version) {

        /** {@code child} is the opened personal data: null once erased; {@code due} the step the case runs against now. */
        static CaseDetail of(CaseState s, Child child, List<CaseReferrals.Referral> referrals, Timeliness.Due due) {
            return new CaseDetail(s.caseId(), s.caseNumber(), s.stage(), s.regionCode(), child, s.clusters(), s.abhRole(),
                    s.riskLevel(), s.source(), s.reportId(), s.consent(), s.assignedWorker(), s.firstContactAt(), s.needs(), s.risks(),
                    s.recommendedComponents(), s.goals(), s.actions(), s.closureReason(), s.outcome(), s.followUpVisits(),
                    s.progressNotes(), s.overdue(), due == null ? null : due.deadline(), due == null ? null : due.dueAt(), referrals, s.personalDataErased(), s.registeredAt(), s.lastChangedAt(), s.version());
        }
    }

    record Registered(String caseId, String caseNumber) {
    }

    record Page(List<CaseSummary> items, int page, int size, long total) {
    }

    /** One step of a case's history: what happened, by whom, when; the details without the child's personal data. */
    record HistoryEntry(long sequence, String type, String actor, Instant at, ObjectNode details) {

        /** {@code open} reads a sealed note (null once the case's personal data is erased). */
        static HistoryEntry of(DomainEventMessage<?> message, ObjectMapper json, java.util.function.Function<SealedText, String> open) {
            ObjectNode details = json.valueToTree(message.getPayload());
            String actor = details.path("actor").asText(null);
            details.remove(List.of("caseId", "actor", "at", "child"));
            SealedText note = noteOf(message.getPayload());
            if (note != null) {
                details.put("note", open.apply(note));
            }
            String type = message.getPayloadType().getSimpleName().replaceAll("Event$", "");
            return new HistoryEntry(message.getSequenceNumber(), type, actor, message.getTimestamp(), details);
        }
    }

    private static SealedText noteOf(Object event) {
        if (event instanceof FirstContactRecordedEvent e) {
            return e.note();
        }
        if (event instanceof ProgressNoteAddedEvent e) {
            return e.note();
        }
        if (event instanceof FollowUpVisitRecordedEvent e) {
            return e.note();
        }
        return null;
    }

    private CaseViews() {
    }
}
