package id.amk.reporting.report.api;

/** What a report says that names people: kept sealed with the report's key. */
public record ReportDetails(String reporterName, String reporterContact, String description, ReportCommands.ChildHint child) {
}
