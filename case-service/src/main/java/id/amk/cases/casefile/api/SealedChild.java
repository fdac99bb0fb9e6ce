package id.amk.cases.casefile.api;

/**
 * The child's personal data as events keep it: encrypted with a key of this case's own (crypto-shredding).
 * Erasing the key (UU PDP 27/2022) makes every stored copy unreadable, in the event store and its backups,
 * while the case's non-identifying history stays.
 */
public record SealedChild(String cipherText) {
}
