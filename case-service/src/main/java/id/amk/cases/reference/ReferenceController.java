package id.amk.cases.reference;

import com.fasterxml.jackson.databind.JsonNode;
import id.amk.contracts.RegionCodes;
import id.amk.platform.web.ProblemException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/reference}: the reference data the case rules check against, for the clients that show it (the web
 * app's pickers and labels): the 15 clusters of UU 35/2014 art. 59(2) and the seven ATENSI components, each with
 * its Indonesian and English name, and the Kemendagri regions by level with their names. Public knowledge, so
 * anyone signed in reads it; cacheable for a day.
 */
@RestController
@RequestMapping("/api/reference")
class ReferenceController {

    private static final CacheControl DAY = CacheControl.maxAge(Duration.ofDays(1)).cachePrivate();

    private final ReferenceData reference;

    ReferenceController(ReferenceData reference) {
        this.reference = reference;
    }

    @GetMapping("/clusters")
    ResponseEntity<JsonNode> clusters() {
        return ResponseEntity.ok().cacheControl(DAY).body(reference.clusters().path("clusters"));
    }

    @GetMapping("/components")
    ResponseEntity<JsonNode> components() {
        return ResponseEntity.ok().cacheControl(DAY).body(reference.components().path("components"));
    }

    /** {@code ?parent=} a province (its regencies) or a regency (its districts); without it, the provinces. */
    @GetMapping("/regions")
    ResponseEntity<List<ReferenceData.Region>> regions(@RequestParam(required = false) String parent) {
        if (parent != null && (!RegionCodes.isCode(parent) || reference.region(parent).isEmpty())) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "validation", Map.of("field", "parent"));
        }
        return ResponseEntity.ok().cacheControl(DAY).body(reference.regionsIn(parent));
    }

    /** One region and the ones it lies in (province, regency, district), to name a code on screen. */
    @GetMapping("/regions/{code}")
    ResponseEntity<List<ReferenceData.Region>> region(@PathVariable String code) {
        if (!RegionCodes.isCode(code)) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "validation", Map.of("field", "code"));
        }
        String[] parts = code.split("\\.");
        List<ReferenceData.Region> path = java.util.stream.IntStream.rangeClosed(1, Math.min(parts.length, 3))
                .mapToObj(n -> String.join(".", java.util.Arrays.copyOf(parts, n)))
                .map(reference::region).flatMap(java.util.Optional::stream).toList();
        if (path.isEmpty()) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "not-found", Map.of());
        }
        return ResponseEntity.ok().cacheControl(DAY).body(path);
    }
}
