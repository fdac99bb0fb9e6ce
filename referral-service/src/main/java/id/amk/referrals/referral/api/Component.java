package id.amk.referrals.referral.api;

/** The seven components of ATENSI (Asistensi Rehabilitasi Sosial, Permensos 7/2021), as case-service's reference data names them. */
public enum Component {
    DECENT_LIVING, CARE, FAMILY_SUPPORT, THERAPY, VOCATIONAL, SOCIAL_AID, ACCESSIBILITY
}
