package id.amk.contracts.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Kemendagri region codes every service checks a region against (provinces, regencies/cities, districts, with
 * their names; villages by format only), read once from the versioned {@code reference/regions.v2.json} shipped with
 * the contracts: the same rule in every context that accepts a region (see {@code regions.LICENSE.md}).
 */
public final class Regions {

    /** A region of the code list, with its name. */
    public record Region(String code, String name) {
    }

    private static final Pattern VILLAGE = Pattern.compile("\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{4}");
    private static final Regions INSTANCE = load();

    private final Map<String, Region> byCode;

    private Regions(Map<String, Region> byCode) {
        this.byCode = byCode;
    }

    public static Regions reference() {
        return INSTANCE;
    }

    /** Whether the code is a known province, regency or district, or a village (by format) of a known district. */
    public boolean known(String code) {
        if (code == null) {
            return false;
        }
        if (VILLAGE.matcher(code).matches()) {
            return byCode.containsKey(code.substring(0, 8));
        }
        return byCode.containsKey(code);
    }

    public boolean isProvince(String code) {
        return code != null && code.length() == 2 && byCode.containsKey(code);
    }

    public boolean isRegency(String code) {
        return code != null && code.length() == 5 && byCode.containsKey(code);
    }

    public boolean isDistrict(String code) {
        return code != null && code.length() == 8 && byCode.containsKey(code);
    }

    public Optional<Region> region(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /** The provinces (no parent), or the regions one level inside a province or regency. */
    public List<Region> in(String parent) {
        int depth = parent == null ? 1 : parent.split("\\.").length + 1;
        return byCode.values().stream().filter(r -> r.code().split("\\.").length == depth)
                .filter(r -> parent == null || r.code().startsWith(parent + ".")).toList();
    }

    private static Regions load() {
        try (InputStream in = Regions.class.getClassLoader().getResourceAsStream("reference/regions.v2.json")) {
            if (in == null) {
                throw new IllegalStateException("reference/regions.v2.json is missing from the classpath");
            }
            JsonNode regions = new ObjectMapper().readTree(in);
            Map<String, Region> byCode = new LinkedHashMap<>();
            List<String> levels = new ArrayList<>(List.of("provinces", "regencies", "districts"));
            for (String level : levels) {
                regions.path(level).forEach(r -> byCode.put(r.path("code").asText(), new Region(r.path("code").asText(), r.path("name").asText())));
            }
            return new Regions(Collections.unmodifiableMap(byCode));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
