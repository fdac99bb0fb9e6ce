package id.amk.referrals.referral.query;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;

/**
 * How a provider answers and serves its referrals, from the {@code referrals} view: how many it received, accepted,
 * declined, completed; the median time from request to acceptance; its completion rate (completed among the accepted
 * referrals that have ended) and how many went unanswered past their deadline.
 */
@Component
public class ProviderStatistics {

    public record Figures(String providerId, long received, long open, long accepted, long declined, long completed, long cancelled,
                          long escalated, Double medianHoursToAccept, Double completionRate) {
    }

    private final MongoTemplate mongo;

    ProviderStatistics(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Figures of(String providerId) {
        List<Document> referrals = mongo.find(Query.query(Criteria.where("providerId").is(providerId)), Document.class,
                ReferralView.COLLECTION);
        long open = count(referrals, "REQUESTED") + count(referrals, "ACCEPTED") + count(referrals, "IN_SERVICE");
        List<Document> acceptedEver = referrals.stream().filter(d -> d.getDate("acceptedAt") != null).toList();
        List<Double> hours = acceptedEver.stream()
                .map(d -> Duration.between(d.getDate("requestedAt").toInstant(), d.getDate("acceptedAt").toInstant()).toSeconds() / 3600.0)
                .sorted().toList();
        long completed = count(referrals, "COMPLETED");
        long endedAfterAcceptance = acceptedEver.stream().filter(d -> d.getDate("endedAt") != null).count();
        return new Figures(providerId, referrals.size(), open, acceptedEver.size(), count(referrals, "DECLINED"), completed,
                count(referrals, "CANCELLED"), referrals.stream().filter(d -> Boolean.TRUE.equals(d.getBoolean("escalated"))).count(),
                median(hours), endedAfterAcceptance == 0 ? null : (double) completed / endedAfterAcceptance);
    }

    private static long count(List<Document> referrals, String status) {
        return referrals.stream().filter(d -> status.equals(d.getString("status"))).count();
    }

    private static Double median(List<Double> sorted) {
        if (sorted.isEmpty()) {
            return null;
        }
        int middle = sorted.size() / 2;
        double value = sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
        return Math.round(value * 100) / 100.0;
    }
}
