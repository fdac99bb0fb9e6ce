import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading, ProblemAlert } from '../../components/Feedback';
import { formatDateTime } from '../../lib/i18n';
import { useComponents, useNamer } from '../../lib/reference';
import { useReferrals } from './api';

const STATUSES = ['REQUESTED', 'ACCEPTED', 'IN_SERVICE', 'COMPLETED', 'DECLINED', 'CANCELLED'];

/** The provider's referrals: those waiting for an answer first (their deadline shown), then those in service. */
export function ReferralInboxScreen() {
  const { t } = useTranslation();
  const [status, setStatus] = useState('');
  const referrals = useReferrals(status);
  const components = useComponents();
  const name = useNamer();
  const componentName = (code: string) => name(components.data?.find((c) => c.code === code)) || code;
  return (
    <section>
      <h1>{t('partner.inbox.title')}</h1>
      <p className="muted">{t('partner.inbox.intro')}</p>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('partner.inbox.status')}
          <select value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t('common.all')}</option>
            {STATUSES.map((s) => <option key={s} value={s}>{t(`referralStatus.${s}`)}</option>)}
          </select>
        </label>
      </form>
      {referrals.isPending && <Loading />}
      <ProblemAlert error={referrals.error} />
      {referrals.data && referrals.data.items.length === 0 && <p className="empty">{t('partner.inbox.empty')}</p>}
      <ul className="cards">
        {referrals.data?.items.map((r) => (
          <li key={r.referralId} className={'card' + (r.status === 'REQUESTED' && (r.escalated || new Date(r.respondBy) < new Date()) ? ' card-overdue' : '')}>
            <Link to={`/referrals/${r.referralId}`} className="card-link">
              <span className="card-title">{r.components.map(componentName).join(', ') || t('partner.referral.title')}</span>
              <span className="muted small">{t('partner.inbox.requested', { at: formatDateTime(r.requestedAt) })}</span>
            </Link>
            <div className="card-meta">
              <span className="badge">{t(`referralStatus.${r.status}`)}</span>
              {r.urgent && <span className="badge badge-overdue">{t('partner.referral.urgent')}</span>}
              {r.status === 'REQUESTED' && <span className="badge badge-due">{t('partner.inbox.answerBy', { at: formatDateTime(r.respondBy) })}</span>}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
