package id.amk.contracts.cases;

import id.amk.contracts.EventType;
import id.amk.contracts.Topics;

import java.time.Instant;

/**
 * {@code amk.case.ChildLinked.v1}: a worker found the case to be of the same child as another case; from now on the case
 * belongs to {@code childId} (the other case's child) and no longer to {@code previousChildId}. Opaque identities only:
 * no personal data, not the worker's reason.
 */
public record ChildLinked(String caseId, String childId, String previousChildId, String linkedBy, Instant linkedAt) {

    public static final EventType TYPE = new EventType("amk.case.ChildLinked.v1", Topics.CASE_EVENTS, ChildLinked.class);
}
