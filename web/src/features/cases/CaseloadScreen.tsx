import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DueBadge } from '../../components/Countdown';
import { Loading, ProblemAlert } from '../../components/Feedback';
import { RegionName, useClusters, useNamer } from '../../lib/reference';
import { isSupervisor, type Session } from '../../lib/session';
import { RISK_LEVELS, STAGES, useCaseload, type CaseloadFilters } from './api';

/**
 * Finding a child by NIK or name (spelt any common way) and, to narrow it, birth year: sent when asked for, not at every
 * key (each search is in the access audit).
 */
function ChildSearchForm({ onSearch, active }: { onSearch: (terms: Pick<CaseloadFilters, 'nik' | 'name' | 'birthYear'>) => void; active: boolean }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [year, setYear] = useState('');
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const term = text.trim();
    const birthYear = /^\d{4}$/.test(year.trim()) ? Number(year.trim()) : undefined;
    onSearch(/^\d{16}$/.test(term) ? { nik: term, name: undefined, birthYear } : { nik: undefined, name: term || undefined, birthYear });
  };
  const clear = () => { setText(''); setYear(''); onSearch({ nik: undefined, name: undefined, birthYear: undefined }); };
  return (
    <form className="filters" role="search" aria-label={t('search.label')} onSubmit={submit}>
      <label className="wide">
        {t('search.term')}
        <input type="search" value={text} maxLength={100} onChange={(e) => setText(e.target.value)} placeholder={t('search.placeholder')} />
      </label>
      <label>
        {t('search.birthYear')}
        <input inputMode="numeric" value={year} maxLength={4} onChange={(e) => setYear(e.target.value)} />
      </label>
      <button type="submit" className="button">{t('search.submit')}</button>
      {active && <button type="button" className="button" onClick={clear}>{t('search.clear')}</button>}
    </form>
  );
}

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
      <ChildSearchForm onSearch={(terms) => set(terms)} active={!!(filters.nik || filters.name)} />
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
