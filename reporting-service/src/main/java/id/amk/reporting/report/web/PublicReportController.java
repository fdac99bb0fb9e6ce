package id.amk.reporting.report.web;

import id.amk.platform.idempotency.Idempotency;
import id.amk.platform.web.ProblemException;
import id.amk.reporting.report.api.ReportCommands.ChildHint;
import id.amk.reporting.report.api.ReportCommands.SubmitReportCommand;
import id.amk.reporting.report.api.ReportTypes.ReportStatus;
import id.amk.reporting.report.api.ReportTypes.ReporterType;
import id.amk.reporting.report.api.ReportTypes.Urgency;
import id.amk.reporting.report.web.TrackingCodes.Tracking;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Lapor Sosial for anyone, without an account (open in {@code amk.security.public-paths}; the gateway limits each
 * address): a report of a child at risk, answered with a tracking code only — not the report's id, nothing to list or
 * follow but the status. A reporter may stay anonymous: then no name or contact is kept at all.
 */
@RestController
@RequestMapping("/api/public/reports")
class PublicReportController {

    /** Sex of the child as the reporter sees it, if at all (the case's vocabulary). */
    enum Sex { M, F }

    record Child(@Size(max = 200) String name, @Min(0) @Max(17) Integer estimatedAge, Sex sex) {
    }

    /**
     * {@code inDangerNow}: the child is in danger or hurt right now (triaged within the urgent deadline);
     * {@code reporterType}: who is reporting, COMMUNITY when not said.
     */
    record PublicReport(@NotBlank @Size(max = 5000) String whatHappened, @NotNull @Size(max = 16) String regionCode,
                        @Size(max = 500) String placeDetail, @Valid Child child, boolean inDangerNow, boolean anonymous,
                        ReporterType reporterType, @Size(max = 200) String reporterName,
                        @Size(max = 200) @Pattern(regexp = "[^<>]*") String reporterContact) {
    }

    record Received(String trackingCode, ReportStatus status, String statusText) {
    }

    record TrackingRequest(@NotBlank @Size(max = 40) String trackingCode) {
    }

    private final CommandGateway commands;
    private final TrackingCodes codes;
    private final MessageSource messages;

    PublicReportController(CommandGateway commands, TrackingCodes codes, MessageSource messages) {
        this.commands = commands;
        this.codes = codes;
        this.messages = messages;
    }

    @PostMapping
    ResponseEntity<Received> submit(@Valid @RequestBody PublicReport body) {
        if (!body.anonymous() && (body.reporterContact() == null || body.reporterContact().isBlank())) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "report.contact-or-anonymous", Map.of("field", "reporterContact"));
        }
        String trackingCode = codes.newCode();
        String description = body.placeDetail() == null || body.placeDetail().isBlank() ? body.whatHappened()
                : body.whatHappened() + "\n\n" + label("report.place") + ": " + body.placeDetail();
        Child child = body.child();
        Object submitted = commands.sendAndWait(new SubmitReportCommand(
                Idempotency.derivedId("report").orElseGet(() -> UUID.randomUUID().toString()),
                body.reporterType() == null ? ReporterType.COMMUNITY : body.reporterType(),
                body.anonymous() ? null : body.reporterName(), body.anonymous() ? null : body.reporterContact(), body.regionCode(), description,
                child == null ? null : new ChildHint(child.name(), child.estimatedAge(), child.sex() == null ? null : child.sex().name()),
                body.inDangerNow() ? Urgency.URGENT : Urgency.MEDIUM, Set.of(), codes.hash(trackingCode), "public"));
        if (submitted == Idempotency.ALREADY_APPLIED) { // made by an attempt that died before it answered; its code is not kept
            throw new ProblemException(HttpStatus.CONFLICT, "idempotency.answer-lost", Map.of());
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(new Received(trackingCode, ReportStatus.SUBMITTED,
                label("report.status." + ReportStatus.SUBMITTED.name())));
    }

    /** The code travels in the body, not the address, so that it stays out of access logs and browser history. */
    @PostMapping("/tracking")
    Tracking track(@Valid @RequestBody TrackingRequest body) {
        return codes.track(body.trackingCode());
    }

    private String label(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
