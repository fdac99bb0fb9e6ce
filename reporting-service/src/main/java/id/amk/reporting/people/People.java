package id.amk.reporting.people;

import id.amk.contracts.RegionCodes;
import id.amk.contracts.Topics;
import id.amk.contracts.identity.CaseWorkers;
import id.amk.contracts.identity.UserChanged;
import id.amk.contracts.identity.UserRegistered;
import id.amk.platform.kafka.IntegrationEventListener;
import id.amk.platform.kafka.ReceivedEvent;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The people reporting-service knows, from identity-service's events ({@code identity.events.v1}): their names for the
 * dashboards, and who is in which role, region and agency, so that a notification reaches the right people. Only a
 * newer state replaces the stored one (redelivered or late events change nothing).
 */
@Component
public class People implements IntegrationEventListener {

    static final String COLLECTION = "people";

    public record Person(String username, String displayName, List<String> roles, List<String> regions, String agencyId, boolean enabled) {
    }

    private final MongoTemplate mongo;

    People(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public String name() {
        return "people";
    }

    @Override
    public Collection<String> topics() {
        return Set.of(Topics.IDENTITY_EVENTS);
    }

    @Override
    public void on(ReceivedEvent event) {
        if (UserRegistered.TYPE.type().equals(event.type())) {
            UserRegistered u = event.dataAs(UserRegistered.class);
            upsert(u.username(), u.displayName(), u.roles(), u.regionCodes(), u.agencyId(), u.enabled(), u.registeredAt(), u.email());
        } else if (UserChanged.TYPE.type().equals(event.type())) {
            UserChanged u = event.dataAs(UserChanged.class);
            upsert(u.username(), u.displayName(), u.roles(), u.regionCodes(), u.agencyId(), u.enabled(), u.changedAt(), u.email());
        }
    }

    private void upsert(String username, String displayName, List<String> roles, List<String> regions, String agencyId, boolean enabled,
                        Instant asOf, String email) {
        Document current = mongo.findById(username, Document.class, COLLECTION);
        if (current == null || current.getDate("asOf").toInstant().isBefore(asOf)) {
            mongo.save(new Document("_id", username).append("displayName", displayName).append("roles", roles).append("regions", regions)
                    .append("agencyId", agencyId).append("enabled", enabled).append("asOf", Date.from(asOf))
                    .append("email", email), COLLECTION);
        }
    }

    /** Display names by username, for the given usernames (a name nobody registered stays out). */
    public Map<String, String> names(Collection<String> usernames) {
        Map<String, String> names = new HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(usernames)), Document.class, COLLECTION).forEach(d -> {
            if (d.getString("displayName") != null) {
                names.put(d.getString("_id"), d.getString("displayName"));
            }
        });
        return names;
    }

    /** The enabled people with the role whose regions cover {@code code} (a supervisor of 32 covers 32.73.01). */
    public List<String> withRoleCovering(String role, String code) {
        return enabled(Criteria.where("roles").is(role)).stream()
                .filter(p -> p.regions() != null && p.regions().stream().anyMatch(r -> RegionCodes.within(code, r)))
                .map(Person::username).toList();
    }

    /** The enabled partner users of an agency. */
    public List<String> ofAgency(String agencyId) {
        return enabled(Criteria.where("agencyId").is(agencyId)).stream().map(Person::username).toList();
    }

    /** The work e-mail of an enabled person, when identity-service has one: where their notices are mailed. */
    public java.util.Optional<String> email(String username) {
        Document d = mongo.findById(username, Document.class, COLLECTION);
        return d == null || !Boolean.TRUE.equals(d.getBoolean("enabled")) ? java.util.Optional.empty()
                : java.util.Optional.ofNullable(d.getString("email"));
    }

    /** Whether the user may be given a case in the region (see {@link CaseWorkers}). */
    public CaseWorkers.Fitness fitness(String username, String regionCode) {
        Document d = mongo.findById(username, Document.class, COLLECTION);
        return d == null ? CaseWorkers.Fitness.UNKNOWN : CaseWorkers.fitness(d.getList("roles", String.class),
                d.getList("regions", String.class), Boolean.TRUE.equals(d.getBoolean("enabled")), regionCode);
    }

    public boolean enabled(String username) {
        Document d = mongo.findById(username, Document.class, COLLECTION);
        return d != null && Boolean.TRUE.equals(d.getBoolean("enabled"));
    }

    private List<Person> enabled(Criteria criteria) {
        return mongo.find(Query.query(criteria.and("enabled").is(true)), Document.class, COLLECTION).stream()
                .map(d -> new Person(d.getString("_id"), d.getString("displayName"), d.getList("roles", String.class),
                        d.getList("regions", String.class), d.getString("agencyId"), true)).toList();
    }
}
