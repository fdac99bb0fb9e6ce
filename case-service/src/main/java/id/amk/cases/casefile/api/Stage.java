package id.amk.cases.casefile.api;

/**
 * The stages of case management, after the ministry's steps (Permensos 9/2015 for ABH; ATENSI's
 * "systematic" principle): penerimaan, asesmen, rencana intervensi, pelaksanaan, resosialisasi/monitoring,
 * terminasi. A case moves one stage at a time; follow-up visits (bimbingan lanjut) come after closure.
 */
public enum Stage {
    REGISTERED, ASSESSED, PLANNED, IN_INTERVENTION, REINTEGRATION, CLOSED
}
