package id.amk.referrals.provider;

import id.amk.referrals.referral.api.Component;
import id.amk.referrals.referral.api.Facts.ProviderFacts;
import id.amk.referrals.referral.query.ReferralView;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The provider directory in Mongo ({@code providers}), with each provider's current load counted from the referral view. */
@Service
public class ProviderDirectory {

    private final MongoTemplate mongo;

    ProviderDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<Provider> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Provider.class));
    }

    public List<Provider> all() {
        return mongo.findAll(Provider.class).stream().sorted(Comparator.comparing(Provider::id)).toList();
    }

    /** Inserts (version null) or replaces the version the caller read; a concurrent change makes it fail (409). */
    public Provider save(Provider provider) {
        return mongo.save(provider);
    }

    public long load(String providerId) {
        return mongo.count(Query.query(Criteria.where("providerId").is(providerId).and("status").in(ReferralView.IN_CARE)),
                ReferralView.COLLECTION);
    }

    public Optional<ProviderFacts> facts(String providerId) {
        return find(providerId).map(this::facts);
    }

    public ProviderFacts facts(Provider p) {
        return new ProviderFacts(p.id(), p.agencyId(), p.regions(), p.components(), p.capacity(), load(p.id()), p.active());
    }

    /**
     * Other providers for a referral that was declined or went unanswered: active, covering the region, offering every
     * component asked for, with room left — most room first.
     */
    public List<ProviderFacts> suggestions(String regionCode, Collection<Component> components, Set<String> excluded) {
        return mongo.findAll(Provider.class).stream()
                .filter(p -> p.active() && !excluded.contains(p.id()) && p.covers(regionCode) && p.components().containsAll(components))
                .map(this::facts)
                .filter(f -> !f.atCapacity())
                .sorted(Comparator.comparingLong((ProviderFacts f) -> f.load() - f.capacity()).thenComparing(ProviderFacts::providerId))
                .toList();
    }
}
