package id.amk.reporting.report.api;

/** Free text as events keep it: sealed with the report's key, because it names the child, the family and the reporter. */
public record SealedText(String cipherText) {
}
