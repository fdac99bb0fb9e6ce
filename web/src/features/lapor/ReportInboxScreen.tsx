import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading, ProblemAlert } from '../../components/Feedback';
import { formatDateTime } from '../../lib/i18n';
import { RegionName } from '../../lib/reference';
import { REPORT_STATUSES, useReports } from './api';

/** The Lapor Sosial inbox of the worker's region: reports waiting for triage first. */
export function ReportInboxScreen() {
  const { t } = useTranslation();
  const [status, setStatus] = useState('SUBMITTED');
  const reports = useReports(status);
  return (
    <section>
      <h1>{t('reports.title')}</h1>
      <p className="muted">{t('reports.intro')}</p>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('reports.status')}
          <select value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t('common.all')}</option>
            {REPORT_STATUSES.map((s) => <option key={s} value={s}>{t(`reportStatus.${s}`)}</option>)}
          </select>
        </label>
      </form>
      {reports.isPending && <Loading />}
      <ProblemAlert error={reports.error} />
      {reports.data && reports.data.length === 0 && <p className="empty">{t('reports.empty')}</p>}
      <ul className="cards">
        {reports.data?.map((r) => (
          <li key={r.reportId} className={'card' + (r.urgency === 'URGENT' ? ' card-overdue' : '')}>
            <Link to={`/reports/${r.reportId}`} className="card-link">
              <span className="card-title">{t(`reporter.${r.reporterType}`)}</span>
              <span className="muted small">{formatDateTime(r.submittedAt)}</span>
            </Link>
            <div className="card-meta">
              <span className="badge">{t(`reportStatus.${r.status}`)}</span>
              <span className={`badge risk-${r.urgency}`}>{t(`risk.${r.urgency}`)}</span>
              {r.triageOverdue && <span className="badge badge-overdue">{t('reports.triageOverdue')}</span>}
            </div>
            <p className="muted small"><RegionName code={r.regionCode} /></p>
          </li>
        ))}
      </ul>
    </section>
  );
}
