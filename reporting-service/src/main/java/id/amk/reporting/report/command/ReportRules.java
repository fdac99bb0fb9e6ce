package id.amk.reporting.report.command;

import id.amk.contracts.reference.Regions;
import id.amk.platform.web.RuleViolation;

import java.util.Set;

/** The report's refusals: problem type {@code report.<rule>}, naming the field; never personal data. */
public final class ReportRules {

    /** Rules about where the report stands rather than about the input: 409. */
    private static final Set<String> STATE_RULES = Set.of("already-triaged", "same-region");

    public static RuleViolation violation(String rule, String field) {
        return new RuleViolation("report", rule, field, STATE_RULES.contains(rule) ? RuleViolation.Kind.STATE : RuleViolation.Kind.INPUT);
    }

    static void required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw violation("required", field);
        }
    }

    /** Kemendagri codes, checked against the reference list (as case registration does): a report names at least the regency. */
    static void region(String code, String field) {
        if (code == null || !code.matches("\\d{2}\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?")) {
            throw violation("invalid-region", field);
        }
        if (!Regions.reference().known(code)) {
            throw violation("unknown-region", field);
        }
    }

    private ReportRules() {
    }
}
