package id.amk.platform.kafka;

/** A message that can never be processed, however often retried: it goes straight to the dead-letter topic. */
public class UnprocessableEventException extends RuntimeException {
    public UnprocessableEventException(String message, Throwable cause) {
        super(message, cause);
    }

    public UnprocessableEventException(String message) {
        super(message);
    }
}
