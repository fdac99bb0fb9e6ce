package id.amk.referrals.referral.api;

/** Free text as events keep it: sealed with the case's key ({@code case_keys}), because it may name the child or family. */
public record SealedText(String cipherText) {
}
