package id.amk.contracts.cases;

import id.amk.contracts.EventType;
import id.amk.contracts.Topics;

import java.time.Instant;

/**
 * {@code amk.case.RegistryLinkChanged.v1} on the RESTRICTED, compacted {@code case.registry.v1}: the NIK linking a case's
 * child to the national registry, or (linked false, nik null) that the link is gone after an erasure.
 */
public record RegistryLinkChanged(String caseId, String nik, boolean linked, Instant changedAt) {

    public static final EventType TYPE = new EventType("amk.case.RegistryLinkChanged.v1", Topics.CASE_REGISTRY, RegistryLinkChanged.class);
}
