package id.amk.cases.casefile.command;

import id.amk.platform.web.RuleViolation;

import java.util.Set;

/**
 * A command the case's rules refuse: {@code rule} names the rule (problem type {@code case.<rule>}, English and
 * Bahasa Indonesia text in messages.properties), {@code field} the input at fault when there is one. Rules about
 * where the case stands rather than about the input answer 409. Never carries personal data.
 */
public class CaseRuleViolation extends RuleViolation {

    private static final Set<String> STATE_RULES = Set.of("stage-order", "case-closed", "case-open", "already-recorded",
            "nothing-to-transfer", "legal-hold", "no-legal-hold");

    public CaseRuleViolation(String rule, String field) {
        super("case", rule, field, STATE_RULES.contains(rule) ? Kind.STATE : Kind.INPUT);
    }
}
