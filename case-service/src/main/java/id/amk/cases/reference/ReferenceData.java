package id.amk.cases.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.amk.cases.casefile.command.RegionDirectory;
import id.amk.contracts.reference.Regions;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reference data shipped as versioned files under {@code reference/}: clusters and ATENSI components here, regions from the contracts. */
@Component
public class ReferenceData implements RegionDirectory {

    /** A region of the Kemendagri code list, with its name. */
    public record Region(String code, String name) {
    }

    private final Regions regions = Regions.reference();
    private final JsonNode clusters;
    private final JsonNode components;

    public ReferenceData() {
        clusters = read("reference/clusters.v1.json");
        components = read("reference/atensi-components.v1.json");
    }

    @Override
    public boolean provinceExists(String provinceCode) {
        return regions.isProvince(provinceCode);
    }

    @Override
    public boolean regencyExists(String regencyCode) {
        return regions.isRegency(regencyCode);
    }

    @Override
    public boolean districtExists(String districtCode) {
        return regions.isDistrict(districtCode);
    }

    /** The provinces (no parent), or the regions one level inside a province or regency, by code. */
    public java.util.List<Region> regionsIn(String parent) {
        return regions.in(parent).stream().map(r -> new Region(r.code(), r.name())).toList();
    }

    /** The region with this code, if it is a province, regency or district. */
    public java.util.Optional<Region> region(String code) {
        return regions.region(code).map(r -> new Region(r.code(), r.name()));
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
