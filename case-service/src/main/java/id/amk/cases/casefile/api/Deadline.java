package id.amk.cases.casefile.api;

/** The steps that have a deadline (DESIGN.md, timeliness). */
public enum Deadline {
    FIRST_CONTACT, ASSESSMENT, PLAN, MONITORING_REVIEW
}
