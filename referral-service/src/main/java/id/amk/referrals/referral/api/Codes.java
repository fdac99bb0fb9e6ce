package id.amk.referrals.referral.api;

/** Reason codes: what travels to partners and other contexts (free-text details stay sealed inside referral-service). */
public final class Codes {

    public enum DeclineReason { NO_CAPACITY, COMPONENT_NOT_OFFERED, OUT_OF_AREA, NOT_SUITABLE, OTHER }

    public enum CancelReason { CASE_CLOSED, WITHDRAWN, OTHER }

    public enum Outcome { GOALS_MET, PARTIALLY_MET, NOT_MET }

    /** Who consented to the referral: the child, the guardian, or both. */
    public enum ConsentBy { CHILD, GUARDIAN, CHILD_AND_GUARDIAN }

    private Codes() {
    }
}
