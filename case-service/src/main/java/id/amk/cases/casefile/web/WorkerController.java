package id.amk.cases.casefile.web;

import id.amk.cases.integration.WorkerDirectory;
import id.amk.contracts.RegionCodes;
import id.amk.platform.security.AmkCaller;
import id.amk.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/workers?region=}: the social workers a case in the region can be assigned or transferred to, from
 * the worker directory case-service keeps (identity events). For workers and supervisors of that region only.
 */
@RestController
class WorkerController {

    record WorkerView(String username, List<String> regions) {
    }

    private final WorkerDirectory workers;

    WorkerController(WorkerDirectory workers) {
        this.workers = workers;
    }

    @GetMapping("/api/workers")
    List<WorkerView> workers(@RequestParam String region) {
        AmkCaller caller = AmkCaller.current().orElseThrow();
        if (!RegionCodes.isCode(region)) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "validation", Map.of("field", "region"));
        }
        if (!CaseAccess.mayList(caller) || !caller.covers(region)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "case.out-of-scope", Map.of("field", "region"));
        }
        return workers.workersIn(region).stream().map(w -> new WorkerView(w.username(), w.regions())).toList();
    }
}
