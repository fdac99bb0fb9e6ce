package id.amk.platform.web;

/**
 * A command a domain's rules refuse, answered as problem+json {@code urn:amk:problem:<context>.<rule>} (English and
 * Bahasa Indonesia text from the service's messages) with the {@code field} at fault. Plain Java, so domain code may
 * throw it; it never carries personal data.
 */
public class RuleViolation extends RuntimeException {

    /** What the refusal is about: the input (400), where the thing stands (409), or something that is not there (404). */
    public enum Kind { INPUT, STATE, MISSING }

    private final String context;
    private final String rule;
    private final String field;
    private final Kind kind;

    public RuleViolation(String context, String rule, String field, Kind kind) {
        super(rule + (field == null ? "" : " (" + field + ")"));
        this.context = context;
        this.rule = rule;
        this.field = field;
        this.kind = kind;
    }

    public String rule() {
        return rule;
    }

    public String field() {
        return field;
    }

    public Kind kind() {
        return kind;
    }

    /** The problem code, e.g. {@code case.stage-order}. */
    public String code() {
        return context + "." + rule;
    }
}
