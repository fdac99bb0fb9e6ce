package id.amk.contracts.identity;

import id.amk.contracts.EventType;
import id.amk.contracts.Topics;

import java.time.Instant;

/**
 * {@code amk.identity.AccessRevoked.v1}: every token issued to {@code subject} (the {@code sub} of its access tokens: a
 * user's username or a machine client's id) at or before {@code revokedAt} is no longer accepted, by any service. Published
 * when a user or client is disabled, when a user's password is reset, and when users change their own password (their
 * other sign-ins end: someone else may know the old one); identity-service refuses their refresh tokens
 * at once, the services refuse their access tokens from the moment this reaches them.
 */
public record AccessRevoked(String subject, Kind kind, Reason reason, Instant revokedAt) {

    public enum Kind { USER, CLIENT }

    public enum Reason { DISABLED, PASSWORD_RESET, PASSWORD_CHANGED }

    public static final EventType TYPE = new EventType("amk.identity.AccessRevoked.v1", Topics.IDENTITY_EVENTS, AccessRevoked.class);
}
