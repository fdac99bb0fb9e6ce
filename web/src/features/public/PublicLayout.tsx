import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { LanguageSwitch } from '../../components/LanguageSwitch';

/** The frame of the pages for people without an account: no sign-out, no caseload, a way to sign in for workers. */
export function PublicLayout({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip" href="#main">{t('nav.skip')}</a>
      <header className="topbar">
        <Link to="/lapor" className="brand">
          <img src="/icons/icon.svg" alt="" width="32" height="32" />
          <span>{t('public.brand')}</span>
        </Link>
        <div className="topbar-end">
          <LanguageSwitch />
        </div>
      </header>
      <nav className="tabs" aria-label={t('public.navLabel')}>
        <NavLink to="/lapor" end>{t('public.navReport')}</NavLink>
        <NavLink to="/lapor/lacak">{t('public.navTrack')}</NavLink>
        <NavLink to="/">{t('public.navWorkers')}</NavLink>
      </nav>
      <main id="main" className="content">
        <p className="emergency" role="note">{t('public.emergency')}</p>
        {children}
      </main>
    </>
  );
}
