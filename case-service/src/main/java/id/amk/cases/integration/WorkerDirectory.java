package id.amk.cases.integration;

import id.amk.contracts.RegionCodes;
import id.amk.contracts.Topics;
import id.amk.contracts.identity.CaseWorkers;
import id.amk.contracts.identity.CaseWorkers.Fitness;
import id.amk.contracts.identity.UserChanged;
import id.amk.contracts.identity.UserRegistered;
import id.amk.platform.kafka.IntegrationEventListener;
import id.amk.platform.kafka.ReceivedEvent;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The workers and supervisors case-service knows, from identity-service's events ({@code identity.events.v1}):
 * who can be assigned a case, in which regions. An event older than what the view holds changes nothing.
 */
@Component
public class WorkerDirectory implements IntegrationEventListener {

    static final String COLLECTION = "workers";

    /** {@code displayName}, {@code email} and {@code phone}: the worker's name and work contacts, when identity-service has them. */
    public record Worker(String username, List<String> roles, List<String> regions, boolean enabled, Instant asOf, String displayName,
                         String email, String phone) {
    }

    private final MongoTemplate mongo;

    WorkerDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public String name() {
        return "worker-directory";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.IDENTITY_EVENTS);
    }

    @Override
    public void on(ReceivedEvent event) {
        if (UserRegistered.TYPE.type().equals(event.type())) {
            UserRegistered user = event.dataAs(UserRegistered.class);
            upsert(user.username(), user.roles(), user.regionCodes(), user.enabled(), user.registeredAt(),
                    new Document("displayName", user.displayName()).append("email", user.email()).append("phone", user.phone()));
        } else if (UserChanged.TYPE.type().equals(event.type())) {
            UserChanged user = event.dataAs(UserChanged.class);
            upsert(user.username(), user.roles(), user.regionCodes(), user.enabled(), user.changedAt(),
                    new Document("displayName", user.displayName()).append("email", user.email()).append("phone", user.phone()));
        }
    }

    public Optional<Worker> find(String username) {
        return Optional.ofNullable(mongo.findById(username, Worker.class, COLLECTION));
    }

    /** Only a newer state replaces the stored one: redelivered or late events leave the directory as it is. */
    private void upsert(String username, List<String> roles, List<String> regions, boolean enabled, Instant asOf, Document contact) {
        Worker current = mongo.findById(username, Worker.class, COLLECTION);
        if (current == null || current.asOf().isBefore(asOf)) {
            mongo.save(new Document("_id", username).append("username", username).append("roles", roles).append("regions", regions)
                    .append("enabled", enabled).append("asOf", Date.from(asOf)).append("displayName", contact.getString("displayName"))
                    .append("email", contact.getString("email")).append("phone", contact.getString("phone")), COLLECTION);
        }
    }

    /** The enabled social workers (PEKSOS) working in the region or inside it, by username: whom a case there can go to. */
    public List<Worker> workersIn(String region) {
        return mongo.find(org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("roles").is("PEKSOS").and("enabled").is(true))
                .with(org.springframework.data.domain.Sort.by("username")), Worker.class, COLLECTION).stream()
                .filter(w -> w.regions().stream().anyMatch(r -> RegionCodes.within(r, region) || RegionCodes.within(region, r)))
                .toList();
    }

    /**
     * Whether the user may be given a case in this region (see {@link CaseWorkers}). Unknown names (a typo, a ghost, a
     * user identity-service has not announced yet) do not fit.
     */
    public Fitness fitness(String username, String regionCode) {
        return find(username).map(w -> CaseWorkers.fitness(w.roles(), w.regions(), w.enabled(), regionCode)).orElse(Fitness.UNKNOWN);
    }
}
