package id.amk.identity.agencies;

import id.amk.contracts.identity.AgencyChanged;
import id.amk.contracts.identity.AgencyRegistered;
import id.amk.contracts.reference.Regions;
import id.amk.identity.events.IdentityEvents;
import id.amk.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@Service
public class AgencyService {

    private final Agencies agencies;
    private final IdentityEvents events;
    private final Clock clock;

    public AgencyService(Agencies agencies, IdentityEvents events, Clock clock) {
        this.agencies = agencies;
        this.events = events;
        this.clock = clock;
    }

    public Agency.View register(AgencyRequest request) {
        if (request.agencyId() == null) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "validation", Map.of("field", "agencyId"));
        }
        if (agencies.existsById(request.agencyId())) {
            throw new ProblemException(HttpStatus.CONFLICT, "conflict", Map.of("field", "agencyId"));
        }
        Agency agency = new Agency();
        agency.agencyId = request.agencyId();
        apply(agency, request);
        agency.createdAt = clock.instant();
        agency.outbox.add(events.of(agency.agencyId, new AgencyRegistered(agency.agencyId, agency.name, agency.type,
                List.copyOf(agency.regions), true, agency.createdAt)));
        return agencies.insert(agency).view();
    }

    public Agency.View change(String agencyId, AgencyRequest request) {
        Agency agency = find(agencyId);
        apply(agency, request);
        return changed(agency);
    }

    public Agency.View setEnabled(String agencyId, boolean enabled) {
        Agency agency = find(agencyId);
        agency.enabled = enabled;
        return changed(agency);
    }

    public List<Agency.View> list() {
        return agencies.findAll().stream().map(Agency::view).toList();
    }

    private Agency.View changed(Agency agency) {
        agency.outbox.add(events.of(agency.agencyId, new AgencyChanged(agency.agencyId, agency.name, agency.type,
                List.copyOf(agency.regions), agency.enabled, clock.instant())));
        return agencies.save(agency).view();
    }

    private static void apply(Agency agency, AgencyRequest request) {
        if (request.regions().stream().anyMatch(region -> !Regions.reference().known(region))) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "validation", Map.of("field", "regions", "rule", "unknown-region"));
        }
        agency.name = request.name();
        agency.type = request.type();
        agency.regions = new ArrayList<>(request.regions());
    }

    private Agency find(String agencyId) {
        return agencies.findById(agencyId).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "not-found", Map.of()));
    }
}
