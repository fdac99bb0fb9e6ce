package id.amk.platform.privacy;

import id.amk.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

import java.util.Map;

/** Personal data of an erased subject cannot be recorded again: 409 {@code personal-data-erased}. */
public class SubjectForgotten extends ProblemException {

    public SubjectForgotten() {
        super(HttpStatus.CONFLICT, "personal-data-erased", Map.of());
    }
}
