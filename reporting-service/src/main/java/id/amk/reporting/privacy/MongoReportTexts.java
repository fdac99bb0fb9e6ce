package id.amk.reporting.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.amk.platform.privacy.MasterKey;
import id.amk.platform.privacy.SubjectKeys;
import id.amk.reporting.report.api.ReportDetails;
import id.amk.reporting.report.api.SealedText;
import id.amk.reporting.report.command.ReportTexts;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.Optional;

/** A report's personal data sealed with one key per report in {@code report_keys} (AES-GCM, see {@link SubjectKeys}). */
@Component
class MongoReportTexts implements ReportTexts {

    private final SubjectKeys keys;
    private final ObjectMapper json;

    MongoReportTexts(MongoTemplate mongo, ObjectMapper json, MasterKey master) {
        this.keys = new SubjectKeys(mongo, "report_keys", master);
        this.json = json;
    }

    @Override
    public SealedText seal(String reportId, ReportDetails details) {
        try {
            return new SealedText(keys.seal(reportId, json.writeValueAsBytes(details)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot seal a report", e);
        }
    }

    @Override
    public Optional<ReportDetails> open(String reportId, SealedText sealed) {
        return sealed == null ? Optional.empty() : keys.open(reportId, sealed.cipherText()).map(bytes -> {
            try {
                return json.readValue(bytes, ReportDetails.class);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read a report", e);
            }
        });
    }

    @Override
    public SealedText sealText(String reportId, String text) {
        return text == null || text.isBlank() ? null : new SealedText(keys.sealText(reportId, text));
    }

    @Override
    public Optional<String> openText(String reportId, SealedText sealed) {
        return sealed == null ? Optional.empty() : keys.openText(reportId, sealed.cipherText());
    }

    @Override
    public void forget(String reportId) {
        keys.forget(reportId);
    }
}
