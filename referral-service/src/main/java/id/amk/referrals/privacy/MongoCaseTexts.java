package id.amk.referrals.privacy;

import id.amk.platform.privacy.MasterKey;
import id.amk.platform.privacy.SubjectKeys;
import id.amk.referrals.referral.api.SealedText;
import id.amk.referrals.referral.command.CaseTexts;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Referral free text sealed with one key per case in {@code case_keys} (AES-GCM, see {@link SubjectKeys}). */
@Component
class MongoCaseTexts implements CaseTexts {

    static final String COLLECTION = "case_keys";

    private final SubjectKeys keys;

    MongoCaseTexts(MongoTemplate mongo, MasterKey master) {
        this.keys = new SubjectKeys(mongo, COLLECTION, master);
    }

    @Override
    public SealedText seal(String caseId, String text) {
        return text == null || text.isBlank() ? null : new SealedText(keys.sealText(caseId, text));
    }

    @Override
    public Optional<String> open(String caseId, SealedText sealed) {
        return sealed == null ? Optional.empty() : keys.openText(caseId, sealed.cipherText());
    }

    @Override
    public void forget(String caseId) {
        keys.forget(caseId);
    }
}
