package id.amk.reporting.projection;

import id.amk.platform.security.AmkCaller;
import id.amk.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** /api/admin/projections (ADMIN): rebuild a Kafka-fed read model from offset 0, and follow its progress. */
@RestController
@RequestMapping("/api/admin/projections")
class ProjectionAdminController {

    private final Projections projections;

    ProjectionAdminController(Projections projections) {
        this.projections = projections;
    }

    @GetMapping
    List<String> list() {
        admin();
        return projections.names();
    }

    @PostMapping("/{name}/rebuild")
    ResponseEntity<Projections.Progress> rebuild(@PathVariable String name) {
        admin();
        known(name);
        Projections.Progress started = projections.rebuild(name)
                .orElseThrow(() -> new ProblemException(HttpStatus.CONFLICT, "projection.rebuild-running", Map.of()));
        return ResponseEntity.accepted().location(URI.create("/api/admin/projections/" + name + "/status")).body(started);
    }

    @GetMapping("/{name}/status")
    Projections.Progress status(@PathVariable String name) {
        admin();
        known(name);
        return projections.progress(name).orElseGet(() -> new Projections.Progress(name, "IDLE",
                projections.active(name).generation(), 0, 0, 0, 0, null, null, null, null));
    }

    private void known(String name) {
        if (!projections.exists(name)) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "not-found", Map.of());
        }
    }

    private static void admin() {
        AmkCaller caller = AmkCaller.current().orElseThrow();
        if (!caller.has(AmkCaller.Role.ADMIN) && !caller.hasScope("identity.admin")) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", Map.of());
        }
    }
}
