package id.amk.cases.casefile.web;

import id.amk.platform.security.AmkCaller;
import id.amk.platform.security.AmkCaller.Role;

/**
 * Who may see and work on a case (DESIGN.md): a worker the cases assigned to them and those of their
 * regency; a supervisor those of their province. Nobody else reads case detail here: ministry analysts
 * see statistics only, partners what referrals and coordination give them, admins manage accounts.
 */
final class CaseAccess {

    static boolean mayWorkOn(AmkCaller caller, String regionCode, String assignedWorker) {
        if (caller.has(Role.PEKSOS) && (caller.subject().equals(assignedWorker) || caller.covers(regionCode))) {
            return true;
        }
        return caller.has(Role.SUPERVISOR) && caller.covers(regionCode);
    }

    static boolean mayList(AmkCaller caller) {
        return caller.has(Role.PEKSOS) || caller.has(Role.SUPERVISOR);
    }

    private CaseAccess() {
    }
}
