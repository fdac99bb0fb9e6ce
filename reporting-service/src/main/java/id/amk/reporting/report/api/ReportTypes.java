package id.amk.reporting.report.api;

/** The vocabulary of Lapor Sosial reports. */
public final class ReportTypes {

    /** Who reports (DESIGN.md): the related parties a worker coordinates with. */
    public enum ReporterType { COMMUNITY, SCHOOL, POLICE, HEALTH_FACILITY, VILLAGE_OFFICE, LKS, UPTD_PPA }

    public enum Urgency { LOW, MEDIUM, HIGH, URGENT }

    /** SUBMITTED -> ACCEPTED | REJECTED | FORWARDED (to another region, where it is triaged again). */
    public enum ReportStatus { SUBMITTED, FORWARDED, ACCEPTED, REJECTED }

    public enum RejectReason { DUPLICATE, OUT_OF_SCOPE }

    private ReportTypes() {
    }
}
