package id.amk.referrals.referral.web;

import id.amk.platform.web.Problems;
import id.amk.referrals.referral.command.ReferralRuleViolation;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.Set;

/** The referral's refusals as problem+json (English / Bahasa Indonesia), one problem type per rule, naming the field. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReferralProblems {

    /** Rules about where the referral or its case stands rather than about the input: 409. */
    private static final Set<String> STATE_RULES = Set.of("case-closed", "already-answered", "referral-ended", "not-accepted",
            "no-session-yet", "provider-at-capacity");

    private final MessageSource messages;

    ReferralProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ReferralRuleViolation.class)
    ResponseEntity<ProblemDetail> rule(ReferralRuleViolation violation) {
        HttpStatus status = "case-unknown".equals(violation.rule()) ? HttpStatus.NOT_FOUND
                : STATE_RULES.contains(violation.rule()) ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
        ProblemDetail problem = problem(status, "referral." + violation.rule());
        if (violation.field() != null) {
            problem.setProperty("field", violation.field());
        }
        return respond(problem);
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<ProblemDetail> stale() {
        return respond(problem(HttpStatus.PRECONDITION_FAILED, "referral.stale-version"));
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> exists() {
        return respond(problem(HttpStatus.CONFLICT, "conflict"));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> missing() {
        return respond(problem(HttpStatus.NOT_FOUND, "not-found"));
    }

    private ProblemDetail problem(HttpStatus status, String code) {
        return Problems.of(messages, LocaleContextHolder.getLocale(), status, code);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
