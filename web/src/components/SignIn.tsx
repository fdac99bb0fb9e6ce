import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Session } from '../lib/session';
import { LanguageSwitch } from './LanguageSwitch';

export function SignInScreen({ session }: { session: Session }) {
  const { t } = useTranslation();
  return (
    <main className="signin">
      <div className="signin-card">
        <img src="/icons/icon.svg" alt="" width="72" height="72" />
        <h1>{t('app.name')}</h1>
        <p>{t('signIn.intro')}</p>
        {/* a full navigation: the gateway starts the sign-in at identity-service (code flow with PKCE) */}
        <a className="button button-primary button-block" href={session.signIn}>
          {t('signIn.button')}
        </a>
        <p className="muted small">{t('signIn.privacy')}</p>
        <div className="signin-public">
          <Link className="button button-block" to="/lapor">{t('signIn.report')}</Link>
          <Link className="button button-ghost button-block" to="/lapor/lacak">{t('signIn.track')}</Link>
        </div>
        <LanguageSwitch />
      </div>
    </main>
  );
}

export function NotForYouScreen({ session }: { session: Session }) {
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t('notForYou.title', { name: session.name })}</h1>
      <p>{t('notForYou.text')}</p>
    </section>
  );
}
