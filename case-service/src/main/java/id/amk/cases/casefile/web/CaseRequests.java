package id.amk.cases.casefile.web;

import id.amk.cases.casefile.api.AbhRole;
import id.amk.cases.casefile.api.Child;
import id.amk.cases.casefile.api.Commands.PlanAction;
import id.amk.cases.casefile.api.RiskLevel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The bodies of /api/cases requests. Field rules of the domain are checked by the case itself. */
final class CaseRequests {

    record RegisterCase(@NotNull String regionCode, @NotNull @Valid ChildData child, Set<String> clusters, AbhRole abhRole,
                        RiskLevel riskLevel, String source, String reportId, boolean consent, String assignedWorker,
                        @Valid NotADuplicate notADuplicate, @Size(max = 100) String sameChildAs) {
    }

    /** This case is of the same child as case {@code sameChildAs} (the worker found it so, for this reason). */
    record ChildLink(@NotBlank @Size(max = 100) String sameChildAs, @NotBlank @Size(max = 1000) String reason) {
    }

    /** {@code allCasesOfChild}: the child's data in every case of the child is erased, not only in this one. */
    record Erasure(@Size(max = 1000) String reason, boolean allCasesOfChild) {
    }

    /**
     * The worker was shown these likely duplicates ({@code POST /api/cases/likely-duplicates}) and registers a new case
     * all the same, for this reason: it goes into the new case's history (sealed like every note) and the audit.
     */
    record NotADuplicate(@NotNull @Size(min = 1, max = 10) List<@NotNull String> caseIds, @NotBlank @Size(max = 1000) String reason) {
    }

    /** A child about to be registered in this region, to be compared with the existing cases. */
    record DuplicateCheck(@NotNull String regionCode, @NotNull @Valid ChildData child) {
    }

    record ChildData(@Size(max = 200) String name, String nik, java.time.LocalDate birthDate, Integer estimatedAge,
                     @Size(max = 20) String sex, @Size(max = 200) String disability, @Size(max = 500) String address,
                     @Size(max = 200) String guardianName, @Size(max = 40) String guardianPhone) {
        Child toChild() {
            return new Child(name, nik, birthDate, estimatedAge, sex, disability, address, guardianName, guardianPhone);
        }
    }

    /**
     * The child's details learned after registration, and for an ABH case from a report that did not know the child, the
     * child's role (perpetrator, victim or witness), which an ABH case states once the child is known.
     */
    record ChildDetails(@Size(max = 200) String name, String nik, java.time.LocalDate birthDate, Integer estimatedAge,
                        @Size(max = 20) String sex, @Size(max = 200) String disability, @Size(max = 500) String address,
                        @Size(max = 200) String guardianName, @Size(max = 40) String guardianPhone, AbhRole abhRole) {
        Child toChild() {
            return new Child(name, nik, birthDate, estimatedAge, sex, disability, address, guardianName, guardianPhone);
        }
    }

    record Assignment(String worker, @Size(max = 1000) String reason) {
    }

    record FirstContact(Instant contactedAt, @Size(max = 4000) String note) {
    }

    record Assessment(List<@Size(max = 1000) String> needs, List<@Size(max = 1000) String> risks, Set<String> recommendedComponents,
                      RiskLevel riskLevel) {
    }

    record Plan(List<@Size(max = 1000) String> goals, List<PlanAction> actions) {
    }

    record Reason(@Size(max = 1000) String reason) {
    }

    record Closure(@Size(max = 200) String reason, @Size(max = 4000) String outcome) {
    }

    record Visit(Instant visitedAt, @Size(max = 4000) String note) {
    }

    record Transfer(String toRegionCode, String toWorker, @Size(max = 1000) String reason) {
    }

    record Note(@Size(max = 4000) String note) {
    }

    private CaseRequests() {
    }
}
