package id.amk.cases.casefile.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A free text as events and views keep it (a note, a reason, an assessment's needs, a plan's goals): sealed with the
 * case's key, like the child's data, because workers' words name people; erasing the case's key makes it unreadable.
 * {@code legacyText}: events written before these texts were sealed hold them as plain strings, read as such (and left
 * where they are: an event store is not rewritten); nothing new is ever written that way.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SealedText(String cipherText, String legacyText) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public SealedText {
    }

    public SealedText(String cipherText) {
        this(cipherText, null);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static SealedText legacy(String plain) {
        return new SealedText(null, plain);
    }
}
