package id.amk.contracts;

import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Kemendagri region codes as every context reads them: province {@code 32}, regency {@code 32.73}, district
 * {@code 32.73.01}, village {@code 32.73.01.1001}. A region contains the codes below it: {@code 32.73} contains
 * {@code 32.73.01}, not {@code 32.731}.
 */
public final class RegionCodes {

    private static final Pattern CODE = Pattern.compile("\\d{2}(\\.\\d{2}){0,2}(\\.\\d{4})?");

    /** Whether the text is a region code at any level. */
    public static boolean isCode(String text) {
        return text != null && CODE.matcher(text).matches();
    }

    /** Whether {@code code} is {@code region} or lies inside it. */
    public static boolean within(String code, String region) {
        return code != null && region != null && (code.equals(region) || code.startsWith(region + "."));
    }

    public static boolean withinAny(String code, Collection<String> regions) {
        return regions.stream().anyMatch(region -> within(code, region));
    }

    /** A regular expression for stores that match {@link #within} on a field holding the code. */
    public static String containedIn(String region) {
        return "^" + Pattern.quote(region) + "(\\..*)?$";
    }

    private RegionCodes() {
    }
}
