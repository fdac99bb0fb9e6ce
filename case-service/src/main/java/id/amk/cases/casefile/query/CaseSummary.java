package id.amk.cases.casefile.query;

import id.amk.cases.casefile.api.SealedText;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * One line of a caseload: what a list needs to show and filter on. {@code version} is the sequence number
 * of the last event applied, so a redelivered or older event never goes back in time. {@code sealedName}: the child's
 * name sealed with the case's key, like everything personal at rest; the list opens it (null once erased).
 * {@code searchKeys}: keyed hashes of the child's NIK, name, birth year and sex ({@code ChildSearch}), none once erased.
 * {@code childId}: the child's identity, shared by every case of the same child ({@link SameChild}).
 */
@Document("case_summaries")
public record CaseSummary(@Id String caseId, String caseNumber, SealedText sealedName, String stage, String regionCode, List<String> clusters,
                          String riskLevel, String assignedWorker, Instant registeredAt, Instant firstContactAt, Instant lastChangedAt,
                          List<String> overdue, String nextDeadline, Instant nextDueAt, Instant attentionAt, long version,
                          List<String> searchKeys, String childId) {

    /** The case's child: a line written before children existed is its case's own child. */
    public String childOrCase() {
        return childId != null ? childId : caseId;
    }

    /** attentionAt of a case with nothing due: after every real date. */
    public static final Instant NOTHING_DUE = Instant.parse("9999-12-31T00:00:00Z");
}
