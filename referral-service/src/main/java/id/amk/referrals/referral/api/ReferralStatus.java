package id.amk.referrals.referral.api;

/** REQUESTED -> ACCEPTED | DECLINED; ACCEPTED -> IN_SERVICE (sessions) -> COMPLETED; any open one -> CANCELLED. */
public enum ReferralStatus {
    REQUESTED, ACCEPTED, DECLINED, IN_SERVICE, COMPLETED, CANCELLED;

    public boolean open() {
        return this == REQUESTED || this == ACCEPTED || this == IN_SERVICE;
    }
}
