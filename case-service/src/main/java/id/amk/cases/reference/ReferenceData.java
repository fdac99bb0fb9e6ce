package id.amk.cases.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.amk.cases.casefile.command.RegionDirectory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;

/** Reference data shipped as versioned files under {@code reference/} (regions, clusters, ATENSI components). */
@Component
public class ReferenceData implements RegionDirectory {

    /** A region of the Kemendagri code list, with its name. */
    public record Region(String code, String name) {
    }

    private final Set<String> provinces = new HashSet<>();
    private final java.util.List<Region> regionList = new java.util.ArrayList<>();
    private final Set<String> regencies = new HashSet<>();
    private final Set<String> districts = new HashSet<>();
    private final JsonNode clusters;
    private final JsonNode components;

    public ReferenceData() {
        JsonNode regions = read("reference/regions.v2.json");
        regions.path("provinces").forEach(p -> provinces.add(p.path("code").asText()));
        regions.path("regencies").forEach(r -> regencies.add(r.path("code").asText()));
        regions.path("districts").forEach(d -> districts.add(d.path("code").asText()));
        for (String level : new String[] {"provinces", "regencies", "districts"}) {
            regions.path(level).forEach(r -> regionList.add(new Region(r.path("code").asText(), r.path("name").asText())));
        }
        clusters = read("reference/clusters.v1.json");
        components = read("reference/atensi-components.v1.json");
    }

    @Override
    public boolean provinceExists(String provinceCode) {
        return provinces.contains(provinceCode);
    }

    @Override
    public boolean regencyExists(String regencyCode) {
        return regencies.contains(regencyCode);
    }

    @Override
    public boolean districtExists(String districtCode) {
        return districts.contains(districtCode);
    }

    /** The provinces (no parent), or the regions one level inside a province or regency, by code. */
    public java.util.List<Region> regionsIn(String parent) {
        int depth = parent == null ? 1 : parent.split("\\.").length + 1;
        return regionList.stream().filter(r -> r.code().split("\\.").length == depth)
                .filter(r -> parent == null || r.code().startsWith(parent + ".")).toList();
    }

    /** The region with this code, if it is a province, regency or district. */
    public java.util.Optional<Region> region(String code) {
        return regionList.stream().filter(r -> r.code().equals(code)).findFirst();
    }

    public JsonNode clusters() {
        return clusters;
    }

    public JsonNode components() {
        return components;
    }

    private static JsonNode read(String resource) {
        try (InputStream in = ReferenceData.class.getClassLoader().getResourceAsStream(resource)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
