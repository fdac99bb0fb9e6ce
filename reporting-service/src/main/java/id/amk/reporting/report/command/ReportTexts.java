package id.amk.reporting.report.command;

import id.amk.reporting.report.api.ReportDetails;
import id.amk.reporting.report.api.SealedText;

import java.util.Optional;

/** Seals a report's personal data with the report's own key; forgetting the key (the case's erasure) makes it unreadable. */
public interface ReportTexts {

    SealedText seal(String reportId, ReportDetails details);

    /** Empty once the key has been forgotten. */
    Optional<ReportDetails> open(String reportId, SealedText sealed);

    SealedText sealText(String reportId, String text);

    Optional<String> openText(String reportId, SealedText sealed);

    void forget(String reportId);
}
