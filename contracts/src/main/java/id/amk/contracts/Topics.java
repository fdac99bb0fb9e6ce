package id.amk.contracts;

/** Kafka topics of the public integration events: {@code <context>.events.v1}, key = aggregate id. */
public final class Topics {
    public static final String CASE_EVENTS = "case.events.v1";
    public static final String REFERRAL_EVENTS = "referral.events.v1";
    public static final String LAPOR_EVENTS = "lapor.events.v1";
    public static final String IDENTITY_EVENTS = "identity.events.v1";
    /**
     * RESTRICTED, compacted, key = case id: the NIK linking a case's child to the national registry (DTKS/DTSEN), for
     * reporting-service's registry export only. Never given to partners.
     */
    public static final String CASE_REGISTRY = "case.registry.v1";

    /** Where a consumer puts a message it cannot process, with the error, before going on. */
    public static String deadLetter(String topic) {
        return topic + ".dlt";
    }

    private Topics() {
    }
}
