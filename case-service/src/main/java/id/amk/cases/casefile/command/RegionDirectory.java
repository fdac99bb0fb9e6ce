package id.amk.cases.casefile.command;

/** Which Kemendagri region codes exist (reference data). */
public interface RegionDirectory {

    boolean provinceExists(String provinceCode);

    boolean regencyExists(String regencyCode);

    boolean districtExists(String districtCode);
}
