package id.amk.referrals.provider;

import id.amk.platform.security.AmkCaller;
import id.amk.platform.web.ProblemException;
import id.amk.referrals.referral.api.Component;
import id.amk.referrals.referral.query.ProviderStatistics;
import jakarta.validation.Valid;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * /api/providers: the directory of SERASI centres, LKS/LKSA, health facilities, UPTD PPA, police PPA units, Dinas
 * Sosial, Bapas/LPKA. Everyone signed in reads it (it holds no personal data); only ADMIN changes it.
 */
@RestController
@RequestMapping("/api/providers")
class ProviderController {

    /** A provider as the API shows it: the directory entry with its current load. */
    record ProviderView(String id, String name, ProviderType type, String agencyId, List<String> regions, Set<Component> components,
                        int capacity, long load, boolean available, boolean active, Long version, String address, String phone) {
        static ProviderView of(Provider p, long load) {
            return new ProviderView(p.id(), p.name(), p.type(), p.agencyId(), p.regions(), p.components(), p.capacity(), load,
                    p.active() && load < p.capacity(), p.active(), p.version(), p.address(), p.phone());
        }
    }

    private final ProviderDirectory directory;
    private final ProviderStatistics statistics;
    private final ProviderImport imports;

    ProviderController(ProviderDirectory directory, ProviderStatistics statistics, ProviderImport imports) {
        this.imports = imports;
        this.directory = directory;
        this.statistics = statistics;
    }

    @GetMapping
    List<ProviderView> list(@RequestParam(required = false) String region, @RequestParam(required = false) Component component,
                            @RequestParam(required = false) ProviderType type, @RequestParam(required = false) Boolean available) {
        id.amk.platform.web.Filters.region(region, "region");
        return directory.all().stream()
                .filter(p -> region == null || p.covers(region))
                .filter(p -> component == null || p.components().contains(component))
                .filter(p -> type == null || p.type() == type)
                .map(p -> ProviderView.of(p, directory.load(p.id())))
                .filter(v -> available == null || v.available() == available)
                .toList();
    }

    @GetMapping("/{id}")
    ProviderView get(@PathVariable String id) {
        Provider p = directory.find(id).orElseThrow(ProviderController::notFound);
        return ProviderView.of(p, directory.load(id));
    }

    @GetMapping("/statistics")
    List<ProviderStatistics.Figures> allStatistics() {
        return directory.all().stream().map(p -> statistics.of(p.id())).toList();
    }

    @GetMapping("/{id}/statistics")
    ProviderStatistics.Figures statistics(@PathVariable String id) {
        directory.find(id).orElseThrow(ProviderController::notFound);
        return statistics.of(id);
    }

    @PostMapping
    ResponseEntity<ProviderView> create(@Valid @RequestBody ProviderRequest request) {
        requireAdmin();
        try {
            Provider saved = directory.save(provider(request, null));
            return ResponseEntity.created(URI.create("/api/providers/" + saved.id())).body(ProviderView.of(saved, 0));
        } catch (DuplicateKeyException | OptimisticLockingFailureException e) {
            throw new ProblemException(HttpStatus.CONFLICT, "conflict", Map.of("field", "id"));
        }
    }

    /** Replaces the entry; {@code version} must be the one read (a concurrent change answers 409). */
    @PutMapping("/{id}")
    ProviderView change(@PathVariable String id, @Valid @RequestBody ProviderRequest request) {
        requireAdmin();
        if (!id.equals(request.id())) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "validation", Map.of("field", "id"));
        }
        Provider current = directory.find(id).orElseThrow(ProviderController::notFound);
        try {
            Provider saved = directory.save(provider(request, request.version() == null ? current.version() : request.version()));
            return ProviderView.of(saved, directory.load(id));
        } catch (OptimisticLockingFailureException e) {
            throw new ProblemException(HttpStatus.CONFLICT, "conflict", Map.of("field", "version"));
        }
    }

    /**
     * The directory from a file (CSV or a JSON array, docs/provider-import.md): every row checked first, and only a file
     * without a single wrong row is written — each provider added or replaced by id, so importing the same file again
     * changes nothing. {@code dryRun} checks and counts without writing.
     */
    @PostMapping(value = "/import", consumes = {"text/csv", "application/json"})
    ProviderImport.Outcome importDirectory(@RequestBody byte[] file, @RequestHeader("Content-Type") String type,
                                           @RequestParam(defaultValue = "false") boolean dryRun) {
        requireAdmin();
        return imports.run(file, type.startsWith("text/csv"), dryRun);
    }

    static Provider provider(ProviderRequest r, Long version) {
        return new Provider(r.id(), r.name().strip(), r.type(), r.agencyId(), List.copyOf(r.regions()), Set.copyOf(r.components()),
                r.capacity(), r.active() == null || r.active(), version, blankToNull(r.address()), blankToNull(r.phone()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static void requireAdmin() {
        if (!AmkCaller.current().orElseThrow().has(AmkCaller.Role.ADMIN)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", Map.of());
        }
    }

    private static ProblemException notFound() {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", Map.of());
    }
}
