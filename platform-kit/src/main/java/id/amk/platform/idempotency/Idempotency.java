package id.amk.platform.idempotency;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * The request being handled under an {@code Idempotency-Key}, for the code that acts on it: controllers derive the ids
 * of what they create from it ({@link #derivedId}), so a retry after a crash creates the same aggregate, not a second
 * one; commands and their events carry its id as metadata ({@link #METADATA_KEY}), so a retry can see in the event
 * store whether the first attempt already acted.
 */
public final class Idempotency {

    /** The header of the IETF httpapi draft "The Idempotency-Key HTTP Header Field". */
    public static final String HEADER = "Idempotency-Key";
    /** Set on a replayed answer. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    /** Metadata of commands and events: the key's id (a hash of caller and key, never the key itself). */
    public static final String METADATA_KEY = "idempotencyKey";
    /** Metadata of events: the type of the keyed command that caused them. */
    static final String COMMAND_METADATA_KEY = "idempotencyCommand";
    /** Metadata of a command sent again after an attempt that may have acted and then died. */
    static final String RETAKE_METADATA_KEY = "idempotencyRetake";

    /** What a command answers when the event store shows the command was already applied under the same key. */
    public static final Object ALREADY_APPLIED = new Object() {
        @Override
        public String toString() {
            return "already applied under this Idempotency-Key";
        }
    };

    private static final ThreadLocal<Current> CURRENT = new ThreadLocal<>();

    /** The key id of the request on this thread, and whether an earlier attempt with it may have acted. */
    public record Current(String keyId, boolean retake) {
    }

    public static Optional<Current> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** A stable id for what this request creates ({@code purpose} tells several apart), or empty without a key. */
    public static Optional<String> derivedId(String purpose) {
        return current().map(c -> UUID.nameUUIDFromBytes((c.keyId() + "/" + purpose).getBytes(StandardCharsets.UTF_8)).toString());
    }

    static void set(Current current) {
        CURRENT.set(current);
    }

    static void clear() {
        CURRENT.remove();
    }

    private Idempotency() {
    }
}
