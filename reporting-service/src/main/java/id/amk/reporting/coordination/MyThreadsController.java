package id.amk.reporting.coordination;

import id.amk.contracts.RegionCodes;
import id.amk.platform.security.AmkCaller;
import id.amk.platform.security.AmkCaller.Role;
import id.amk.platform.web.ProblemException;
import id.amk.reporting.projection.ProjectionStore;
import id.amk.reporting.projection.Projections;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code GET /api/coordination}: the coordination threads the caller is in — a partner's: every case whose referrals
 * involve their agency or to which it was invited; a worker's: the cases assigned to them; a supervisor's: their
 * province's. Case number, stage and region only; the thread itself is read at {@code /api/coordination/{caseId}}.
 */
@RestController
@RequestMapping("/api/coordination")
class MyThreadsController {

    record ThreadLine(String caseId, String caseNumber, String regionCode, String stage) {
    }

    private static final int LIMIT = 200;

    private final Projections projections;
    private final MongoTemplate mongo;

    MyThreadsController(Projections projections, MongoTemplate mongo) {
        this.projections = projections;
        this.mongo = mongo;
    }

    @GetMapping
    List<ThreadLine> mine() {
        AmkCaller caller = AmkCaller.current().orElseThrow();
        ProjectionStore store = projections.active(CoordinationProjection.NAME);
        List<Document> threads = new ArrayList<>();
        if (caller.has(Role.PARTNER) && caller.agency() != null) {
            Set<String> invited = new TreeSet<>();
            mongo.find(Query.query(Criteria.where("agencyId").is(caller.agency())), Document.class, CoordinationController.INVITED)
                    .forEach(d -> invited.add(d.getString("caseId")));
            threads.addAll(store.find(CoordinationProjection.THREADS, Criteria.where("agencies").is(caller.agency())));
            if (!invited.isEmpty()) {
                threads.addAll(store.find(CoordinationProjection.THREADS, Criteria.where("_id").in(invited)));
            }
        } else if (caller.has(Role.SUPERVISOR)) {
            caller.regions().forEach(r -> threads.addAll(store.find(CoordinationProjection.THREADS,
                    Criteria.where(ProjectionStore.newestValueOf("regionCode")).regex(RegionCodes.containedIn(r)))));
        } else if (caller.has(Role.PEKSOS)) {
            threads.addAll(store.find(CoordinationProjection.THREADS, Criteria.where(ProjectionStore.newestValueOf("worker")).is(caller.subject())));
        } else {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", Map.of());
        }
        return threads.stream().filter(d -> d.getString("caseNumber") != null)
                .map(d -> new ThreadLine(d.getString("_id"), d.getString("caseNumber"), d.getString("regionCode"), d.getString("stage")))
                .distinct().sorted(Comparator.comparing(ThreadLine::caseNumber).reversed()).limit(LIMIT).toList();
    }
}
