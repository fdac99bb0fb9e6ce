package id.amk.referrals.referral.command;

import id.amk.referrals.referral.api.SealedText;

import java.util.Optional;

/** Seals a referral's free text with its case's key; when the case's personal data is erased, the key is forgotten. */
public interface CaseTexts {

    /** Null and blank stay null. */
    SealedText seal(String caseId, String text);

    /** Empty once the case's key has been forgotten. */
    Optional<String> open(String caseId, SealedText sealed);

    void forget(String caseId);
}
