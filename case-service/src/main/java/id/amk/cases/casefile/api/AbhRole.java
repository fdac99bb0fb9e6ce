package id.amk.cases.casefile.api;

/** The role of a child in conflict with the law (ABH, anak yang berhadapan dengan hukum), UU 11/2012. */
public enum AbhRole {
    PERPETRATOR, VICTIM, WITNESS
}
