package id.amk.platform.audit;

import id.amk.platform.security.AmkCaller;
import id.amk.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * The service's read audit through its API, at {@code amk.audit.path} (e.g. {@code /api/audit/cases}): an ADMIN (or a
 * machine client with {@code audit.read}) reads all of it and verifies the chain ({@code /verify}); a SUPERVISOR reads the
 * entries of their province. Nobody else, and nobody can change it.
 */
@RestController
public class ReadAuditController {

    private final ReadAudit audit;

    public ReadAuditController(ReadAudit audit) {
        this.audit = audit;
    }

    @GetMapping("${amk.audit.path}")
    public List<ReadAudit.Entry> entries(@RequestParam(required = false) String subjectId, @RequestParam(required = false) String reader,
                                         @RequestParam(defaultValue = "100") int limit) {
        AmkCaller caller = AmkCaller.current().orElseThrow(() -> new ProblemException(HttpStatus.UNAUTHORIZED, "unauthenticated", Map.of()));
        List<String> regions;
        if (caller.has(AmkCaller.Role.ADMIN) || caller.hasScope("audit.read")) {
            regions = null;
        } else if (caller.has(AmkCaller.Role.SUPERVISOR) && !caller.regions().isEmpty()) {
            regions = caller.regions();
        } else {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", Map.of());
        }
        return audit.entries(regions, subjectId, reader, Math.min(Math.max(limit, 1), 1000));
    }

    @GetMapping("${amk.audit.path}/verify")
    public ReadAudit.Verification verify() {
        AmkCaller caller = AmkCaller.current().orElseThrow(() -> new ProblemException(HttpStatus.UNAUTHORIZED, "unauthenticated", Map.of()));
        if (!caller.has(AmkCaller.Role.ADMIN) && !caller.hasScope("audit.read")) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", Map.of());
        }
        return audit.verify();
    }
}
