package id.amk.cases.casefile.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.amk.cases.casefile.api.AbhRole;
import id.amk.cases.casefile.api.Child;
import id.amk.cases.casefile.api.Deadline;
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
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** What /api/cases answers. */
final class CaseViews {

    record CaseDetail(String caseId, String caseNumber, Stage stage, String regionCode, Child child, Set<String> clusters,
                      AbhRole abhRole, RiskLevel riskLevel, String source, String reportId, boolean consent, String assignedWorker,
                      Instant firstContactAt, List<String> needs, List<String> risks, Set<String> recommendedComponents,
                      List<String> goals, List<PlanAction> actions, String closureReason, String outcome, int followUpVisits,
                      int progressNotes, Set<Deadline> overdue, Deadline nextDeadline, Instant nextDueAt,
                      List<CaseReferrals.Referral> referrals, boolean personalDataErased, boolean legalHold,
                      Instant registeredAt, Instant lastChangedAt, long version, String childId, SameChildCases sameChild) {

        /**
         * {@code child} is the opened personal data: null once erased; {@code open} opens the case's sealed texts (null
         * once erased); {@code due} the step the case runs against now.
         */
        static CaseDetail of(CaseState s, Child child, Function<SealedText, String> open, List<CaseReferrals.Referral> referrals,
                             Timeliness.Due due, SameChildCases sameChild) {
            return new CaseDetail(s.caseId(), s.caseNumber(), s.stage(), s.regionCode(), child, s.clusters(), s.abhRole(),
                    s.riskLevel(), s.source(), s.reportId(), s.consent(), s.assignedWorker(), s.firstContactAt(), opened(s.needs(), open),
                    opened(s.risks(), open), s.recommendedComponents(), opened(s.goals(), open),
                    s.actions().stream().map(a -> new PlanAction(openOrNull(a.description(), open), a.due(), openOrNull(a.responsible(), open))).toList(),
                    openOrNull(s.closureReason(), open), openOrNull(s.outcome(), open), s.followUpVisits(),
                    s.progressNotes(), s.overdue(), due == null ? null : due.deadline(), due == null ? null : due.dueAt(), referrals, s.personalDataErased(), s.legalHold(), s.registeredAt(), s.lastChangedAt(), s.version(),
                    s.childId(), sameChild);
        }
    }

    record Registered(String caseId, String caseNumber) {
    }

    /**
     * The child's other cases: those the caller may see ({@code cases}, the child's name not repeated), and how many
     * more there are that they may not ({@code elsewhere}: a number only, not where or what).
     */
    record SameChildCases(List<OtherCase> cases, long elsewhere) {

        static final SameChildCases NONE = new SameChildCases(List.of(), 0);

        static SameChildCases of(id.amk.cases.casefile.query.SameChild.Cases found) {
            return new SameChildCases(found.visible().stream().map(OtherCase::of).toList(), found.elsewhere());
        }
    }

    record OtherCase(String caseId, String caseNumber, String stage, String regionCode, Instant registeredAt) {
        static OtherCase of(CaseSummary s) {
            return new OtherCase(s.caseId(), s.caseNumber(), s.stage(), s.regionCode(), s.registeredAt());
        }
    }

    record Page(List<CaseItem> items, int page, int size, long total) {
    }

    /** One line of a caseload as the API shows it: the summary with the child's name opened (null once erased). */
    record CaseItem(String caseId, String caseNumber, String childName, String stage, String regionCode, List<String> clusters,
                    String riskLevel, String assignedWorker, Instant registeredAt, Instant firstContactAt, Instant lastChangedAt,
                    List<String> overdue, String nextDeadline, Instant nextDueAt, Instant attentionAt, long version) {

        static CaseItem of(CaseSummary s, Function<SealedText, String> open) {
            return new CaseItem(s.caseId(), s.caseNumber(), openOrNull(s.sealedName(), open), s.stage(), s.regionCode(), s.clusters(),
                    s.riskLevel(), s.assignedWorker(), s.registeredAt(), s.firstContactAt(), s.lastChangedAt(), s.overdue(),
                    s.nextDeadline(), s.nextDueAt(), s.attentionAt(), s.version());
        }
    }

    /** An existing case that may be of the child being registered: which case, whose, and why it is thought so. */
    record LikelyDuplicate(String caseId, String caseNumber, String childName, String stage, String regionCode, Instant registeredAt,
                           int score, java.util.Set<id.amk.cases.search.DuplicateScore.Reason> reasons) {

        static LikelyDuplicate of(id.amk.cases.search.LikelyDuplicates.Found found, Function<SealedText, String> open) {
            CaseSummary s = found.summary();
            return new LikelyDuplicate(s.caseId(), s.caseNumber(), openOrNull(s.sealedName(), open), s.stage(), s.regionCode(),
                    s.registeredAt(), found.likeness().score(), found.likeness().reasons());
        }
    }

    private static List<String> opened(List<SealedText> texts, Function<SealedText, String> open) {
        return texts.stream().map(text -> openOrNull(text, open)).toList();
    }

    private static String openOrNull(SealedText text, Function<SealedText, String> open) {
        return text == null ? null : open.apply(text);
    }

    /** One step of a case's history: what happened, by whom, when; the details without the child's personal data. */
    record HistoryEntry(long sequence, String type, String actor, Instant at, ObjectNode details) {

        /** {@code open} reads the sealed texts of the step (each null once the case's personal data is erased). */
        static HistoryEntry of(DomainEventMessage<?> message, ObjectMapper json, Function<SealedText, String> open) {
            ObjectNode details = json.valueToTree(message.getPayload());
            String actor = details.path("actor").asText(null);
            details.remove(List.of("caseId", "actor", "at", "child"));
            openSealedTexts(details, json, open);
            String type = message.getPayloadType().getSimpleName().replaceAll("Event$", "");
            return new HistoryEntry(message.getSequenceNumber(), type, actor, message.getTimestamp(), details);
        }
    }

    /** Every sealed text anywhere in a step's details (a note, a reason, the needs, a plan's steps) as its words. */
    private static void openSealedTexts(JsonNode node, ObjectMapper json, Function<SealedText, String> open) {
        if (node instanceof ObjectNode object) {
            for (java.util.Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (isSealed(field.getValue())) {
                    field.setValue(textNode(json, field.getValue(), open));
                } else {
                    openSealedTexts(field.getValue(), json, open);
                }
            }
        } else if (node instanceof com.fasterxml.jackson.databind.node.ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (isSealed(array.get(i))) {
                    array.set(i, textNode(json, array.get(i), open));
                } else {
                    openSealedTexts(array.get(i), json, open);
                }
            }
        }
    }

    private static boolean isSealed(JsonNode node) {
        return node.isObject() && (node.has("cipherText") || node.has("legacyText")) && node.size() <= 2;
    }

    private static JsonNode textNode(ObjectMapper json, JsonNode sealed, Function<SealedText, String> open) {
        String text = open.apply(new SealedText(sealed.path("cipherText").asText(null), sealed.path("legacyText").asText(null)));
        return text == null ? json.nullNode() : json.getNodeFactory().textNode(text);
    }

    private CaseViews() {
    }
}
