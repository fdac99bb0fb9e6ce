package id.amk.cases.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.amk.cases.casefile.api.Child;
import id.amk.cases.casefile.api.SealedChild;
import id.amk.cases.casefile.api.SealedText;
import id.amk.cases.casefile.command.ChildVault;
import id.amk.platform.privacy.MasterKey;
import id.amk.platform.privacy.SubjectKeys;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The child's data and the workers' notes, sealed with the case's own key in {@code child_keys}
 * ({@link SubjectKeys}: AES-GCM, the case id as associated data); forgetting the key erases them everywhere.
 */
@Component
class MongoChildVault implements ChildVault {

    static final String COLLECTION = "child_keys";

    private final SubjectKeys keys;
    private final ObjectMapper json;

    MongoChildVault(MongoTemplate mongo, ObjectMapper json, MasterKey master) {
        this.keys = new SubjectKeys(mongo, COLLECTION, master);
        this.json = json;
    }

    @Override
    public SealedChild seal(String caseId, Child child) {
        try {
            return new SealedChild(keys.seal(caseId, json.writeValueAsBytes(child)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot seal a child's data", e);
        }
    }

    @Override
    public Optional<Child> open(String caseId, SealedChild sealed) {
        return sealed == null ? Optional.empty() : keys.open(caseId, sealed.cipherText()).map(bytes -> {
            try {
                return json.readValue(bytes, Child.class);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot read a child's data", e);
            }
        });
    }

    @Override
    public SealedText sealText(String caseId, String text) {
        return text == null ? null : new SealedText(keys.sealText(caseId, text));
    }

    @Override
    public Optional<String> openText(String caseId, SealedText sealed) {
        if (sealed == null) {
            return Optional.empty();
        }
        // a text from before texts were sealed is what it is, until the event store holding it is rewritten
        return sealed.cipherText() == null ? Optional.ofNullable(sealed.legacyText()) : keys.openText(caseId, sealed.cipherText());
    }

    @Override
    public void forget(String caseId) {
        keys.forget(caseId);
    }
}
