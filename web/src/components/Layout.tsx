import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { csrfCookie, handlesCases, isAdmin, isPartner, isSupervisor, monitors, type Session } from '../lib/session';
import { LanguageSwitch } from './LanguageSwitch';
import { useUnread } from '../features/notifications/api';
import { deviceDb, forgetDevice } from '../lib/device';
import { FieldStatus } from '../features/field/status';
import { forgetSession } from '../lib/session';

/** The unread count, always in sight. */
function Bell() {
  const { t } = useTranslation();
  const unread = useUnread().data?.unread ?? 0;
  return (
    <NavLink to="/notifications" className="bell" aria-label={t('notifications.bell', { count: unread })}>
      <svg aria-hidden="true" width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" /><path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread > 0 && <span className="bell-count" aria-hidden="true">{unread > 99 ? '99+' : unread}</span>}
    </NavLink>
  );
}

export function Layout({ session, children }: { session: Session; children: React.ReactNode }) {
  const { t } = useTranslation();
  // signing out leaves nothing of the children on this device; actions not yet sent are lost, so the worker is asked first
  const signOut = async (form: HTMLFormElement) => {
    const unsent = await deviceDb.outbox.count();
    if (unsent > 0 && !window.confirm(t('field.signOutWarning', { count: unsent }))) return;
    await forgetDevice();
    forgetSession();
    (form.elements.namedItem('_csrf') as HTMLInputElement).value = csrfCookie();
    form.submit();
  };
  return (
    <>
      <a className="skip" href="#main">{t('nav.skip')}</a>
      <header className="topbar">
        <NavLink to="/" className="brand">
          <img src="/icons/icon.svg" alt="" width="32" height="32" />
          <span>AMK</span>
        </NavLink>
        <div className="topbar-end">
          <Bell />
          <LanguageSwitch />
          {/* a real form: the gateway ends the session, revokes the tokens and signs out at identity-service */}
          <form method="post" action={session.signOut} onSubmit={(e) => { e.preventDefault(); void signOut(e.currentTarget); }}>
            {/* the token as it is when the form is sent: the gateway renews it, e.g. after signing in */}
            <input type="hidden" name="_csrf" defaultValue="" />
            <button type="submit" className="button button-ghost">{t('nav.signOut')}</button>
          </form>
        </div>
      </header>
      {handlesCases(session) && (
        <nav className="tabs" aria-label={t('nav.label')}>
          <NavLink to="/" end>{t('nav.caseload')}</NavLink>
          <NavLink to="/cases/new">{t('nav.register')}</NavLink>
          <NavLink to="/reports">{t('nav.reports')}</NavLink>
          <NavLink to="/field">{t('nav.field')}</NavLink>
          {monitors(session) && <NavLink to="/monitoring">{t('nav.monitoring')}</NavLink>}
          {isSupervisor(session) && <NavLink to="/audit">{t('nav.audit')}</NavLink>}
        </nav>
      )}
      {handlesCases(session) && <FieldStatus />}
      {!handlesCases(session) && !monitors(session) && isPartner(session) && (
        <nav className="tabs" aria-label={t('nav.label')}>
          <NavLink to="/" end>{t('nav.referrals')}</NavLink>
          <NavLink to="/threads">{t('nav.threads')}</NavLink>
        </nav>
      )}
      {!handlesCases(session) && monitors(session) && (
        <nav className="tabs" aria-label={t('nav.label')}>
          <NavLink to="/" end>{t('nav.monitoring')}</NavLink>
          {isAdmin(session) && <NavLink to="/admin/users">{t('nav.users')}</NavLink>}
          {isAdmin(session) && <NavLink to="/admin/agencies">{t('nav.agencies')}</NavLink>}
          {isAdmin(session) && <NavLink to="/admin/providers">{t('nav.providers')}</NavLink>}
          {isAdmin(session) && <NavLink to="/admin/system">{t('nav.system')}</NavLink>}
          {isAdmin(session) && <NavLink to="/audit">{t('nav.audit')}</NavLink>}
        </nav>
      )}
      <main id="main" className="content">
        <p className="whoami muted small">
          {t('nav.signedInAs', { name: session.name, roles: session.roles.map((r) => t(`role.${r}`)).join(', ') })}
          {' · '}
          {/* identity-service's own page (through the gateway): the current password first, then the new one */}
          <a href="/password">{t('nav.changePassword')}</a>
        </p>
        {children}
      </main>
    </>
  );
}
