package id.amk.reporting.privacy;

import id.amk.platform.privacy.MasterKey;
import id.amk.platform.privacy.SubjectKeys;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Coordination messages sealed with one key per case in {@code case_keys}; the case's erasure forgets it. */
@Component
public class CaseTexts {

    private final SubjectKeys keys;

    CaseTexts(MongoTemplate mongo, MasterKey master) {
        this.keys = new SubjectKeys(mongo, "case_keys", master);
    }

    public String seal(String caseId, String text) {
        return keys.sealText(caseId, text);
    }

    /** Empty once the case's personal data was erased. */
    public Optional<String> open(String caseId, String sealed) {
        return keys.openText(caseId, sealed);
    }

    void forget(String caseId) {
        keys.forget(caseId);
    }
}
