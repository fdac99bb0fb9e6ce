package id.amk.cases.casefile.web;

import id.amk.cases.casefile.api.Child;
import id.amk.cases.casefile.api.Commands.DescribeCaseCommand;
import id.amk.cases.casefile.command.CaseState;
import id.amk.cases.casefile.command.ChildVault;
import id.amk.platform.audit.ReadAudit;
import id.amk.cases.integration.CaseReferrals;
import id.amk.cases.integration.CaseReferrals.Referral;
import id.amk.cases.integration.WorkerDirectory;
import id.amk.cases.integration.WorkerDirectory.Worker;
import id.amk.platform.security.AmkCaller;
import id.amk.platform.web.ProblemException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * What the provider a child is referred to needs to take the child in, and nothing more (data minimisation, UU PDP
 * 27/2022): the child's name, age and sex, the guardian's name and phone, the referring worker's name and work contacts.
 * Only a user of the referral's agency reads it, only while the referral is open and stands on consent or a recorded
 * emergency override — a declined, completed or cancelled (also: consent withdrawn) referral shows nothing. Every read
 * is audited with its purpose; the answer is never cached.
 */
@RestController
class ReferralIntakeController {

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    record Intake(String caseId, String caseNumber, String referralId, String referralStatus, String consent, ChildMinimum child,
                  Guardian guardian, WorkerContact worker) {
    }

    /** {@code age} in whole years: from the birth date when known, else the worker's estimate. */
    record ChildMinimum(String name, Integer age, boolean ageEstimated, String sex) {
    }

    record Guardian(String name, String phone) {
    }

    record WorkerContact(String username, String name, String email, String phone) {
    }

    private final CommandGateway commands;
    private final CaseReferrals referrals;
    private final WorkerDirectory workers;
    private final ChildVault vault;
    private final ReadAudit audit;
    private final Clock clock;

    ReferralIntakeController(CommandGateway commands, CaseReferrals referrals, WorkerDirectory workers, ChildVault vault,
                             ReadAudit audit, Clock clock) {
        this.commands = commands;
        this.referrals = referrals;
        this.workers = workers;
        this.vault = vault;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/api/cases/{caseId}/referrals/{referralId}/intake")
    ResponseEntity<Intake> intake(@PathVariable String caseId, @PathVariable String referralId) {
        AmkCaller caller = AmkCaller.current().orElseThrow();
        // a referral of another agency, or none, answers exactly as a case that does not exist
        Referral referral = referrals.find(caseId, referralId)
                .filter(r -> caller.has(AmkCaller.Role.PARTNER) && caller.actsFor(r.agencyId()))
                .orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "not-found", Map.of()));
        if (!referral.sharesChildDetails()) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "referral.intake-closed", Map.of());
        }
        CaseState state;
        try {
            state = commands.sendAndWait(new DescribeCaseCommand(caseId));
        } catch (AggregateNotFoundException e) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "not-found", Map.of());
        }
        audit.record(caller, new ReadAudit.Read("case.referral-intake", caseId, state.regionCode(), 1,
                "referral " + referralId)); // the partner reads the child's minimum for this referral
        Child child = vault.open(caseId, state.child())
                .orElseThrow(() -> new ProblemException(HttpStatus.GONE, "referral.intake-erased", Map.of()));
        Worker worker = state.assignedWorker() == null ? null : workers.find(state.assignedWorker()).orElse(null);
        Intake intake = new Intake(caseId, state.caseNumber(), referralId, referral.status(), referral.consent(),
                new ChildMinimum(child.name(), age(child), child.birthDate() == null, child.sex()),
                new Guardian(child.guardianName(), child.guardianPhone()),
                state.assignedWorker() == null ? null : new WorkerContact(state.assignedWorker(),
                        worker == null ? null : worker.displayName(), worker == null ? null : worker.email(),
                        worker == null ? null : worker.phone()));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(intake);
    }

    private Integer age(Child child) {
        if (child.birthDate() != null) {
            return Period.between(child.birthDate(), LocalDate.now(clock.withZone(JAKARTA))).getYears();
        }
        return child.estimatedAge();
    }
}
