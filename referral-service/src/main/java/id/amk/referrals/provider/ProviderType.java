package id.amk.referrals.provider;

/** Kinds of providers children are referred to (DESIGN.md). */
public enum ProviderType {
    /** SERASI centres of the ministry. */
    SENTRA, BALAI, LOKA,
    /** Social welfare institutions (LKS) and child welfare institutions (LKSA). */
    LKS, LKSA,
    PUSKESMAS, HOSPITAL,
    /** Regional technical units for the protection of women and children. */
    UPTD_PPA,
    /** Police units for women and children (Unit PPA). */
    POLICE_PPA,
    DINAS_SOSIAL,
    /** Correctional centres and juvenile institutions, for children in conflict with the law. */
    BAPAS, LPKA
}
