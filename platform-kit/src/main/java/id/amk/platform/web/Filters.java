package id.amk.platform.web;

import id.amk.contracts.reference.Regions;
import org.springframework.http.HttpStatus;

import java.util.Map;

/**
 * Filters of the list and export endpoints: a value nobody can have (a region no Kemendagri list knows) is a mistake
 * the caller is told of, 400 {@code filter.unknown-region} naming the parameter, not answered with an empty page.
 * Enumerated filters are typed as enums, which Spring refuses the same way.
 */
public final class Filters {

    /** The region filter, when given, is a known province, regency, district or village code. */
    public static String region(String code, String parameter) {
        if (code != null && !Regions.reference().known(code)) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "filter.unknown-region", Map.of("field", parameter));
        }
        return code;
    }

    private Filters() {
    }
}
