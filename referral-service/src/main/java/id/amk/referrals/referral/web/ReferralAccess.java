package id.amk.referrals.referral.web;

import id.amk.platform.security.AmkCaller;
import id.amk.platform.security.AmkCaller.Role;
import id.amk.referrals.referral.api.Facts.CaseFacts;
import id.amk.referrals.referral.command.ReferralState;

/**
 * Who may do what with referrals (DESIGN.md): the case's worker, or a supervisor of its province, refers and
 * cancels; the users of the addressed agency answer and serve; workers see the referrals of their regency,
 * supervisors of their province, partners those addressed to their agency.
 */
final class ReferralAccess {

    static boolean mayRefer(AmkCaller caller, CaseFacts caseFacts) {
        return caller.has(Role.PEKSOS) && caller.subject().equals(caseFacts.worker())
                || caller.has(Role.SUPERVISOR) && caller.covers(caseFacts.regionCode());
    }

    static boolean maySee(AmkCaller caller, ReferralState referral) {
        return mayAnswer(caller, referral)
                || caller.has(Role.PEKSOS) && (caller.subject().equals(referral.requestedBy()) || caller.covers(referral.regionCode()))
                || caller.has(Role.SUPERVISOR) && caller.covers(referral.regionCode());
    }

    static boolean mayAnswer(AmkCaller caller, ReferralState referral) {
        return caller.has(Role.PARTNER) && caller.actsFor(referral.agencyId());
    }

    static boolean mayCancel(AmkCaller caller, ReferralState referral, CaseFacts caseFacts) {
        return caller.has(Role.PEKSOS) && (caller.subject().equals(referral.requestedBy())
                || caseFacts != null && caller.subject().equals(caseFacts.worker()))
                || caller.has(Role.SUPERVISOR) && caller.covers(referral.regionCode());
    }

    static boolean mayList(AmkCaller caller) {
        return caller.has(Role.PEKSOS) || caller.has(Role.SUPERVISOR) || caller.has(Role.PARTNER) && caller.agency() != null;
    }

    private ReferralAccess() {
    }
}
