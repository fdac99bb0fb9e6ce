package id.amk.referrals.referral.command;

import id.amk.platform.web.RuleViolation;

import java.util.Set;

/**
 * A command the referral's rules refuse: {@code rule} names the rule (problem type {@code referral.<rule>}, English
 * and Bahasa Indonesia text in messages.properties), {@code field} the input at fault when there is one. Rules about
 * where the referral or its case stands answer 409; a case the caller cannot refer answers 404. Never carries
 * personal data.
 */
public class ReferralRuleViolation extends RuleViolation {

    private static final Set<String> STATE_RULES = Set.of("case-closed", "already-answered", "referral-ended", "not-accepted",
            "no-session-yet", "provider-at-capacity");

    public ReferralRuleViolation(String rule, String field) {
        super("referral", rule, field, "case-unknown".equals(rule) ? Kind.MISSING : STATE_RULES.contains(rule) ? Kind.STATE : Kind.INPUT);
    }
}
