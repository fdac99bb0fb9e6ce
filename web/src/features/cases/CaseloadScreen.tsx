import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DueBadge } from '../../components/Countdown';
import { Loading, ProblemAlert } from '../../components/Feedback';
import { RegionName, useClusters, useNamer } from '../../lib/reference';
import { isSupervisor, type Session } from '../../lib/session';
import { RISK_LEVELS, STAGES, useCaseload, type CaseloadFilters } from './api';

/** The caseload: what needs the worker first (overdue, then the nearest deadline), filterable by stage, cluster, risk. */
export function CaseloadScreen({ session }: { session: Session }) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<CaseloadFilters>({ page: 0 });
  const caseload = useCaseload(filters);
  const clusters = useClusters();
  const name = useNamer();
  const set = (change: Partial<CaseloadFilters>) => setFilters((f) => ({ ...f, ...change, page: 0 }));
  const page = caseload.data;
  const pages = page ? Math.max(1, Math.ceil(page.total / page.size)) : 1;

  return (
    <section>
      <div className="heading-row">
        <h1>{isSupervisor(session) ? t('caseload.titleSupervisor') : t('caseload.title')}</h1>
        <Link className="button button-primary" to="/cases/new">{t('caseload.register')}</Link>
      </div>
      <form className="filters" role="search" aria-label={t('caseload.filters')} onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('caseload.stage')}
          <select value={filters.stage ?? ''} onChange={(e) => set({ stage: e.target.value || undefined })}>
            <option value="">{t('common.all')}</option>
            {STAGES.map((s) => <option key={s} value={s}>{t(`stage.${s}`)}</option>)}
          </select>
        </label>
        <label>
          {t('caseload.cluster')}
          <select value={filters.cluster ?? ''} onChange={(e) => set({ cluster: e.target.value || undefined })}>
            <option value="">{t('common.all')}</option>
            {clusters.data?.map((c) => <option key={c.code} value={c.code}>{name(c)}</option>)}
          </select>
        </label>
        <label>
          {t('caseload.risk')}
          <select value={filters.riskLevel ?? ''} onChange={(e) => set({ riskLevel: e.target.value || undefined })}>
            <option value="">{t('common.all')}</option>
            {RISK_LEVELS.map((r) => <option key={r} value={r}>{t(`risk.${r}`)}</option>)}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={!!filters.overdue} onChange={(e) => set({ overdue: e.target.checked || undefined })} />
          {t('caseload.overdueOnly')}
        </label>
      </form>

      {caseload.isPending && <Loading />}
      <ProblemAlert error={caseload.error} />
      {page && (
        <>
          <p className="muted" aria-live="polite">{t('caseload.count', { count: page.total })}</p>
          {page.items.length === 0 && <p className="empty">{t('caseload.empty')}</p>}
          <ul className="cards" aria-label={t('caseload.list')}>
            {page.items.map((c) => (
              <li key={c.caseId} className={'card' + (c.overdue.length ? ' card-overdue' : '')}>
                <Link to={`/cases/${c.caseId}`} className="card-link">
                  <span className="card-title">{c.childName ?? t('case.childUnknown')}</span>
                  <span className="muted small">{c.caseNumber}</span>
                </Link>
                <div className="card-meta">
                  <span className="badge">{t(`stage.${c.stage}`)}</span>
                  <span className={`badge risk-${c.riskLevel}`}>{t(`risk.${c.riskLevel}`)}</span>
                  <DueBadge overdue={c.overdue} nextDeadline={c.nextDeadline} nextDueAt={c.nextDueAt} />
                </div>
                <p className="muted small">
                  <RegionName code={c.regionCode} />
                  {isSupervisor(session) && <> · {c.assignedWorker ?? t('case.unassigned')}</>}
                </p>
              </li>
            ))}
          </ul>
          {pages > 1 && (
            <nav className="pager" aria-label={t('common.pages')}>
              <button type="button" className="button" disabled={page.page === 0}
                onClick={() => setFilters((f) => ({ ...f, page: (f.page ?? 0) - 1 }))}>{t('common.previous')}</button>
              <span>{t('common.pageOf', { page: page.page + 1, pages })}</span>
              <button type="button" className="button" disabled={page.page + 1 >= pages}
                onClick={() => setFilters((f) => ({ ...f, page: (f.page ?? 0) + 1 }))}>{t('common.next')}</button>
            </nav>
          )}
        </>
      )}
    </section>
  );
}
