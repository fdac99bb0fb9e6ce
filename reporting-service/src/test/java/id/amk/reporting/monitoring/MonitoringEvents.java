package id.amk.reporting.monitoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.amk.contracts.EventType;
import id.amk.contracts.cases.CaseAssigned;
import id.amk.contracts.cases.CaseDeadlineMissed;
import id.amk.contracts.cases.CaseRegistered;
import id.amk.contracts.cases.CaseStageChanged;
import id.amk.contracts.cases.FirstContactRecorded;
import id.amk.contracts.referral.ReferralSessionDelivered;
import id.amk.contracts.referral.ReferralStatusChanged;
import id.amk.platform.relay.CloudEventRecords;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A generated history of cases and referrals as case-service and referral-service publish it, with the figures a
 * dashboard must show for it, counted here independently of the projection.
 */
public final class MonitoringEvents {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS); // instants as the contracts write them
    private static final String[] STAGES = {"REGISTERED", "ASSESSED", "PLANNED", "IN_INTERVENTION", "REINTEGRATION", "CLOSED"};

    /** {@code children}: the distinct children of the cases, after every link. */
    public record Expected(long total, long open, long closed, long breaches, long inFirstRegency, long referrals, long completedReferrals,
                           long children) {
    }

    public final List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
    public final String tag = UUID.randomUUID().toString().substring(0, 6);
    private long total;
    private long closed;
    private long breaches;
    private long inFirstRegency;
    private long referrals;
    private long completed;
    /** Each case's child as the history leaves it. */
    private final java.util.Map<String, String> childOf = new java.util.LinkedHashMap<>();

    public final String province;

    /** {@code province}: a code no other test uses, so the figures for it are this history's alone. */
    public MonitoringEvents(String province, int cases, long seed) {
        this.province = province;
        String[] regencies = {province + ".73", province + ".04"};
        Random random = new Random(seed);
        Instant t0 = Instant.parse("2026-10-01T00:00:00Z");
        for (int i = 0; i < cases; i++) {
            String caseId = UUID.randomUUID().toString();
            String region = regencies[random.nextInt(regencies.length)] + ".01";
            String worker = "w-" + tag + "-" + random.nextInt(5);
            Instant at = t0.plus(Duration.ofHours(random.nextInt(24 * 40)));
            // children: most are new (their first case's id, or none as before children existed); one in five returns
            List<String> earlier = new ArrayList<>(childOf.keySet());
            String childId = !earlier.isEmpty() && random.nextInt(5) == 0 ? childOf.get(earlier.get(random.nextInt(earlier.size())))
                    : random.nextBoolean() ? caseId : null;
            childOf.put(caseId, childId != null ? childId : caseId);
            add(CaseRegistered.TYPE, caseId, at, new CaseRegistered(caseId, "AMK-" + i, null, region, List.of("VIOLENCE_VICTIM"), null,
                    "HIGH", "WALK_IN", worker, worker, at, childId));
            if (!earlier.isEmpty() && random.nextInt(8) == 0) { // found later to be an earlier case's child, now and then twice
                for (int link = 0; link < 1 + random.nextInt(2); link++) {
                    String other = childOf.get(earlier.get(random.nextInt(earlier.size())));
                    Instant linkedAt = at.plus(Duration.ofDays(1 + link));
                    add(id.amk.contracts.cases.ChildLinked.TYPE, caseId, linkedAt, new id.amk.contracts.cases.ChildLinked(caseId, other,
                            childOf.get(caseId), worker, linkedAt));
                    childOf.put(caseId, other);
                }
            }
            int stages = random.nextInt(STAGES.length);
            Instant t = at;
            for (int s = 1; s <= stages; s++) {
                t = t.plus(Duration.ofHours(1 + random.nextInt(72)));
                if (s == 1) {
                    add(FirstContactRecorded.TYPE, caseId, t, new FirstContactRecorded(caseId, t.minusSeconds(600), worker, t));
                }
                add(CaseStageChanged.TYPE, caseId, t, new CaseStageChanged(caseId, STAGES[s - 1], STAGES[s], worker, t, null,
                        s == 1 ? "MEDIUM" : null, s == 1 ? List.of("THERAPY") : null));
            }
            if (random.nextInt(4) == 0) {
                add(CaseAssigned.TYPE, caseId, t.plusSeconds(60), new CaseAssigned(caseId, region, "w-" + tag + "-9", false, "spv", t.plusSeconds(60)));
            }
            boolean breached = random.nextInt(3) == 0;
            if (breached) {
                add(CaseDeadlineMissed.TYPE, caseId, at.plus(Duration.ofDays(3)), new CaseDeadlineMissed(caseId, "ASSESSMENT",
                        at.plus(Duration.ofDays(3)), region, worker, region.substring(0, 2), at.plus(Duration.ofDays(3))));
                breaches++;
            }
            if (stages >= 3) {
                String referralId = UUID.randomUUID().toString();
                Instant r = at.plus(Duration.ofDays(2));
                add(ReferralStatusChanged.TYPE, referralId, r, new ReferralStatusChanged(referralId, caseId, "sentra-" + tag, "REQUESTED",
                        List.of("THERAPY"), null, r, false, "agency-" + tag));
                add(ReferralStatusChanged.TYPE, referralId, r.plusSeconds(3600), new ReferralStatusChanged(referralId, caseId, "sentra-" + tag,
                        "ACCEPTED", List.of("THERAPY"), null, r.plusSeconds(3600), false, "agency-" + tag));
                add(ReferralSessionDelivered.TYPE, referralId, r.plusSeconds(7200), new ReferralSessionDelivered(referralId, caseId,
                        "sentra-" + tag, 1, List.of("THERAPY"), r.plusSeconds(7200)));
                referrals++;
                if (stages == 5) {
                    add(ReferralStatusChanged.TYPE, referralId, r.plusSeconds(9000), new ReferralStatusChanged(referralId, caseId, "sentra-" + tag,
                            "COMPLETED", List.of("THERAPY"), "GOALS_MET", r.plusSeconds(9000), false, "agency-" + tag));
                    completed++;
                }
            }
            total++;
            if (stages == 5) {
                closed++;
            }
            if (region.startsWith(province + ".73.")) {
                inFirstRegency++;
            }
        }
    }

    public Expected expected() {
        return new Expected(total, total - closed, closed, breaches, inFirstRegency, referrals, completed,
                childOf.values().stream().distinct().count());
    }

    private void add(EventType type, String key, Instant at, Object data) {
        try {
            records.add(CloudEventRecords.of(type, UUID.randomUUID().toString(), "/amk/test", key, at, JSON.writeValueAsBytes(data), null));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
