package id.amk.referrals.referral.command;

/**
 * A command the referral's rules refuse: {@code rule} names the rule (one problem type each, English and Bahasa
 * Indonesia), {@code field} the input at fault when there is one. Never carries personal data.
 */
public class ReferralRuleViolation extends RuntimeException {

    private final String rule;
    private final String field;

    public ReferralRuleViolation(String rule, String field) {
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
