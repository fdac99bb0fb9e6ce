package id.amk.platform.relay;

import id.amk.contracts.EventType;

/** A public integration event a domain event maps to: its contract type and its data record. */
public record OutgoingEvent(EventType type, Object data) {
}
