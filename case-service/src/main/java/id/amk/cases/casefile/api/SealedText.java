package id.amk.cases.casefile.api;

/** A worker's free-text note as events keep it: sealed with the case's key, like the child's data, because notes name people. */
public record SealedText(String cipherText) {
}
