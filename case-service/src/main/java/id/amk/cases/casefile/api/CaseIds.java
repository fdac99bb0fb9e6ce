package id.amk.cases.casefile.api;

import id.amk.contracts.lapor.ReportAccepted;
import java.util.UUID;

/** Case ids: a case from a Lapor Sosial report takes an id derived from the report, so a replay finds the same case. */
public final class CaseIds {

    public static String fromReport(String reportId) {
        return ReportAccepted.caseIdOf(reportId);
    }

    public static String fresh() {
        return UUID.randomUUID().toString();
    }

    private CaseIds() {
    }
}
