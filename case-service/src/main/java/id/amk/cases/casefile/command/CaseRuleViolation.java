package id.amk.cases.casefile.command;

/**
 * A command the case's rules refuse: {@code rule} names the rule (one problem type each, with English and
 * Bahasa Indonesia text), {@code field} the input at fault when there is one. Never carries personal data.
 */
public class CaseRuleViolation extends RuntimeException {

    private final String rule;
    private final String field;

    public CaseRuleViolation(String rule, String field) {
        super(rule + (field == null ? "" : " (" + field + ")"));
        this.rule = rule;
        this.field = field;
    }

    public String rule() {
        return rule;
    }

    public String field() {
        return field;
    }
}
