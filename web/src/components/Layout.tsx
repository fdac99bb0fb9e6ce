import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { csrfCookie, handlesCases, monitors, type Session } from '../lib/session';
import { LanguageSwitch } from './LanguageSwitch';

export function Layout({ session, children }: { session: Session; children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip" href="#main">{t('nav.skip')}</a>
      <header className="topbar">
        <NavLink to="/" className="brand">
          <img src="/icons/icon.svg" alt="" width="32" height="32" />
          <span>AMK</span>
        </NavLink>
        <div className="topbar-end">
          <LanguageSwitch />
          {/* a real form: the gateway ends the session, revokes the tokens and signs out at identity-service */}
          <form method="post" action={session.signOut}
            onSubmit={(e) => { (e.currentTarget.elements.namedItem('_csrf') as HTMLInputElement).value = csrfCookie(); }}>
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
          {monitors(session) && <NavLink to="/monitoring">{t('nav.monitoring')}</NavLink>}
        </nav>
      )}
      {!handlesCases(session) && monitors(session) && (
        <nav className="tabs" aria-label={t('nav.label')}>
          <NavLink to="/" end>{t('nav.monitoring')}</NavLink>
        </nav>
      )}
      <main id="main" className="content">
        <p className="whoami muted small">{t('nav.signedInAs', { name: session.name, roles: session.roles.map((r) => t(`role.${r}`)).join(', ') })}</p>
        {children}
      </main>
    </>
  );
}
