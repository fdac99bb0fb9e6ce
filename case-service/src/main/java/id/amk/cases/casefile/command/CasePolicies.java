package id.amk.cases.casefile.command;

import id.amk.cases.casefile.api.Child;
import id.amk.cases.casefile.api.Stage;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules a case's commands are checked against, in one place, each named. */
public final class CasePolicies {

    /** Kemendagri region code: province.regency[.district[.village]]; a case lives at least at regency level. */
    private static final Pattern REGION = Pattern.compile("\\d{2}\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?");
    private static final Pattern NIK = Pattern.compile("\\d{16}");
    /** Indonesia's earliest time zone: a date is "in the future" only when it is so everywhere in the country. */
    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    /** The source of cases that come from a Lapor Sosial report. */
    public static final String LAPOR_SOSIAL = "LAPOR_SOSIAL";

    /** UU 35/2014 art. 59(2): the 15 categories of children who receive special protection. */
    public static final Set<String> CLUSTERS = Set.of("EMERGENCY", "ABH", "MINORITY_ISOLATED", "EXPLOITED", "SUBSTANCE_ABUSE_VICTIM",
            "PORNOGRAPHY_VICTIM", "HIV_AIDS", "TRAFFICKING_VICTIM", "VIOLENCE_VICTIM", "SEXUAL_CRIME_VICTIM", "TERRORISM_VICTIM",
            "DISABILITY", "NEGLECT_VICTIM", "DEVIANT_BEHAVIOUR", "STIGMATISED");

    /** ATENSI's seven components. */
    public static final Set<String> ATENSI_COMPONENTS = Set.of("DECENT_LIVING", "CARE", "FAMILY_SUPPORT", "THERAPY", "VOCATIONAL",
            "SOCIAL_AID", "ACCESSIBILITY");

    /** The regency, and the district when given, must exist; a village is checked by its format only. */
    public static void regionExists(String regionCode, RegionDirectory regions, String field) {
        if (regionCode == null || !REGION.matcher(regionCode).matches() || !regions.regencyExists(regionCode.substring(0, 5))
                || regionCode.length() >= 8 && !regions.districtExists(regionCode.substring(0, 8))) {
            throw new CaseRuleViolation("unknown-region", field);
        }
    }

    /**
     * A NIK is 16 digits: province and regency (4), district (2), birth date DDMMYY (6; day + 40 for girls), serial (4).
     * The province must exist and the birth date must be a real date. The regency is not checked: a NIK keeps the
     * codes of when it was issued, and regencies have been split and renumbered since (the Papua provinces of 2022).
     */
    public static void validNik(String nik, RegionDirectory regions) {
        if (nik == null) {
            return;
        }
        if (!NIK.matcher(nik).matches() || !regions.provinceExists(nik.substring(0, 2))) {
            throw new CaseRuleViolation("invalid-nik", "child.nik");
        }
        int day = Integer.parseInt(nik.substring(6, 8));
        int month = Integer.parseInt(nik.substring(8, 10));
        try {
            LocalDate.of(2000, month, day > 40 ? day - 40 : day);
        } catch (DateTimeException e) {
            throw new CaseRuleViolation("invalid-nik", "child.nik");
        }
    }

    public static void child(Child child, RegionDirectory regions, Instant now) {
        if (child == null || child.name() == null || child.name().isBlank()) {
            throw new CaseRuleViolation("required", "child.name");
        }
        validNik(child.nik(), regions);
        if (child.birthDate() == null && child.estimatedAge() == null) {
            throw new CaseRuleViolation("required", "child.birthDate");
        }
        if (child.birthDate() != null && child.birthDate().isAfter(LocalDate.ofInstant(now, WIB))) {
            throw new CaseRuleViolation("future-date", "child.birthDate");
        }
        // UU 35/2014 art. 1: a child is a person under 18
        if (child.estimatedAge() != null && (child.estimatedAge() < 0 || child.estimatedAge() > 17)) {
            throw new CaseRuleViolation("not-a-child", "child.estimatedAge");
        }
        if (child.birthDate() != null && child.birthDate().plusYears(18).isBefore(LocalDate.ofInstant(now, WIB))) {
            throw new CaseRuleViolation("not-a-child", "child.birthDate");
        }
    }

    /** An ABH case states the child's role, unless it comes from a report that does not know the child yet. */
    public static void clusters(Set<String> clusters, Object abhRole, boolean childUnknown) {
        if (clusters == null || clusters.isEmpty()) {
            throw new CaseRuleViolation("required", "clusters");
        }
        if (!CLUSTERS.containsAll(clusters)) {
            throw new CaseRuleViolation("unknown-cluster", "clusters");
        }
        if (abhRole != null && !clusters.contains("ABH") || abhRole == null && clusters.contains("ABH") && !childUnknown) {
            throw new CaseRuleViolation("abh-role", "abhRole");
        }
    }

    public static void components(Set<String> components) {
        if (components != null && !ATENSI_COMPONENTS.containsAll(components)) {
            throw new CaseRuleViolation("unknown-component", "recommendedComponents");
        }
    }

    public static void notInFuture(Instant instant, Instant now, String field) {
        if (instant == null) {
            throw new CaseRuleViolation("required", field);
        }
        if (instant.isAfter(now)) {
            throw new CaseRuleViolation("future-date", field);
        }
    }

    public static void required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new CaseRuleViolation("required", field);
        }
    }

    /** A stage cannot be skipped: each step starts only from the stage right before it. */
    public static void stageIs(Stage actual, Stage expected) {
        if (actual != expected) {
            throw new CaseRuleViolation(actual == Stage.CLOSED ? "case-closed" : "stage-order", "stage");
        }
    }

    public static void open(Stage stage) {
        if (stage == Stage.CLOSED) {
            throw new CaseRuleViolation("case-closed", "stage");
        }
    }

    private CasePolicies() {
    }
}
