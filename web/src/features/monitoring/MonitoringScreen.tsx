import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Loading, ProblemAlert } from '../../components/Feedback';
import { useClusters, useNamer, useRegionPath, useRegions } from '../../lib/reference';
import { isSupervisor, type Session } from '../../lib/session';
import { useCaseFigures, useReferralFigures, useWorkerFigures } from './api';
import { ChartCard, PALETTE } from './ChartCard';

const STAGES = ['REGISTERED', 'ASSESSED', 'PLANNED', 'IN_INTERVENTION', 'REINTEGRATION', 'CLOSED'];
const percent = (share: number | null | undefined) => (share === null || share === undefined ? null : Math.round(share * 1000) / 10);

/**
 * Monitoring for the ministry (national -> province -> regency) and for supervisors (their province and below): cases
 * by stage and cluster over time, timeliness by region, referral outcomes and worker performance with names, for all
 * months or one; every chart's numbers as a table and a CSV file. No child's personal data is in any of it.
 */
export default function MonitoringScreen({ session }: { session: Session }) {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const top = isSupervisor(session) && !session.roles.includes('MINISTRY_ANALYST') ? session.regions[0] ?? null : null;
  const region = params.get('region') || top;
  const month = params.get('month') ?? '';
  const cases = useCaseFigures(region, month);
  const referrals = useReferralFigures(region, month);
  const workers = useWorkerFigures(region, month);
  const children = useRegions(region, true);
  const path = useRegionPath(region);
  const clusters = useClusters();
  const name = useNamer();
  const number = (n: number) => n.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'id-ID');

  const go = (next: { region?: string | null; month?: string }) => {
    const p = new URLSearchParams(params);
    if (next.region !== undefined) { if (next.region && next.region !== top) p.set('region', next.region); else p.delete('region'); }
    if (next.month !== undefined) { if (next.month) p.set('month', next.month); else p.delete('month'); }
    setParams(p);
  };
  const regionName = (code: string) => children.data?.find((r) => r.code === code)?.name ?? code;
  const clusterName = (code: string) => name(clusters.data?.find((c) => c.code === code)) || code;
  const crumbs = [...(top ? [] : [{ code: null as string | null, name: t('monitoring.national') }]),
    ...(path.data ?? []).filter((r) => !top || r.code.startsWith(top)).map((r) => ({ code: r.code as string | null, name: r.name }))];

  const f = cases.data;
  const months = f ? Object.keys(f.byMonthStage) : [];
  const stageOf = (stage: string) => t(`stage.${stage}`);

  return (
    <section className="monitoring">
      <h1>{t('monitoring.title')}</h1>
      <nav aria-label={t('monitoring.regionPath')} className="crumbs">
        {crumbs.map((c, i) => (
          <span key={c.code ?? 'national'}>
            {i > 0 && ' › '}
            {i === crumbs.length - 1 ? <strong aria-current="page">{c.name}</strong>
              : <button type="button" className="link" onClick={() => go({ region: c.code })}>{c.name}</button>}
          </span>
        ))}
      </nav>
      <div className="filters">
        <label htmlFor="period">{t('monitoring.period')}
          <input id="period" type="month" value={month} max={new Date().toISOString().slice(0, 7)}
            onChange={(e) => go({ month: e.target.value })} />
        </label>
        {month && <button type="button" className="button button-small" onClick={() => go({ month: '' })}>{t('monitoring.allMonths')}</button>}
      </div>
      {cases.isPending && <Loading />}
      {cases.isError && <ProblemAlert error={cases.error} />}
      {f && (
        <>
          <ul className="kpis" aria-label={t('monitoring.summary')}>
            <li><span className="kpi-value">{number(f.total)}</span><span>{t('monitoring.kpi.total')}</span></li>
            <li><span className="kpi-value">{number(f.children)}</span><span>{t('monitoring.kpi.children')}</span></li>
            <li><span className="kpi-value">{number(f.open)}</span><span>{t('monitoring.kpi.open')}</span></li>
            <li><span className="kpi-value">{number(f.closed)}</span><span>{t('monitoring.kpi.closed')}</span></li>
            <li><span className="kpi-value">{number(f.deadlineBreaches)}</span><span>{t('monitoring.kpi.overdue')}</span></li>
            <li><span className="kpi-value">{percent(f.onTimeShare) ?? '—'}{f.onTimeShare !== null && ' %'}</span><span>{t('monitoring.kpi.onTime')}</span></li>
          </ul>
          <p className="muted small">{t('monitoring.childrenNote')}</p>

          <div className="charts">
            <ChartCard id="by-month" title={t('monitoring.byMonthStage')} kind="bar" stacked csvName="cases-by-month-and-stage"
              data={{
                labels: months,
                datasets: STAGES.map((s, i) => ({ label: stageOf(s), data: months.map((m) => f.byMonthStage[m]?.[s] ?? 0), backgroundColor: PALETTE[i] })),
              }}
              table={{ header: [t('monitoring.month'), ...STAGES.map(stageOf)], rows: months.map((m) => [m, ...STAGES.map((s) => f.byMonthStage[m]?.[s] ?? 0)]) }} />

            <ChartCard id="by-cluster" title={t('monitoring.byCluster')} kind="bar" horizontal csvName="cases-by-cluster"
              data={{
                labels: Object.keys(f.byCluster).map(clusterName),
                datasets: [{ label: t('monitoring.cases'), data: Object.values(f.byCluster), backgroundColor: PALETTE[0] }],
              }}
              table={{ header: [t('monitoring.cluster'), t('monitoring.cases')], rows: Object.entries(f.byCluster).map(([c, n]) => [clusterName(c), n]) }} />

            <ChartCard id="timeliness" title={t('monitoring.timeliness')} kind="bar" csvName="timeliness-by-region"
              data={{
                labels: f.drillDown.map((r) => regionName(r.region)),
                datasets: [
                  { label: t('monitoring.kpi.onTime') + ' (%)', data: f.drillDown.map((r) => percent(r.onTimeShare) ?? 0), backgroundColor: PALETTE[2] },
                ],
              }}
              table={{
                header: [t('monitoring.region'), t('monitoring.cases'), t('monitoring.kpi.overdue'), t('monitoring.kpi.onTime') + ' (%)'],
                rows: f.drillDown.map((r) => [regionName(r.region), r.total, r.deadlineBreaches, percent(r.onTimeShare)]),
              }} />

            <ChartCard id="overdue" title={t('monitoring.overdueByRegion')} kind="bar" csvName="overdue-by-region"
              data={{
                labels: f.drillDown.map((r) => regionName(r.region)),
                datasets: [
                  { label: t('monitoring.kpi.open'), data: f.drillDown.map((r) => r.open), backgroundColor: PALETTE[4] },
                  { label: t('monitoring.kpi.overdue'), data: f.drillDown.map((r) => r.deadlineBreaches), backgroundColor: PALETTE[3] },
                ],
              }}
              table={{
                header: [t('monitoring.region'), t('monitoring.kpi.open'), t('monitoring.kpi.closed'), t('monitoring.kpi.overdue')],
                rows: f.drillDown.map((r) => [regionName(r.region), r.open, r.closed, r.deadlineBreaches]),
              }} />
          </div>

          {f.drillDown.length > 0 && region?.length !== 5 && (
            <section aria-labelledby="drill-title">
              <h2 id="drill-title">{t(region ? 'monitoring.drillRegencies' : 'monitoring.drillProvinces')}</h2>
              <ul className="drill">
                {f.drillDown.map((r) => (
                  <li key={r.region}>
                    <button type="button" className="button button-block drill-button" onClick={() => go({ region: r.region })}>
                      <span>{regionName(r.region)}</span>
                      <span className="muted small">{t('monitoring.drillLine', { total: number(r.total), children: number(r.children), overdue: number(r.deadlineBreaches) })}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}

      {referrals.isError && <ProblemAlert error={referrals.error} />}
      {referrals.data && (
        <div className="charts">
          <ChartCard id="referral-status" title={t('monitoring.referralStatus')} kind="doughnut" csvName="referrals-by-status"
            data={{
              labels: Object.keys(referrals.data.byStatus).map((s) => t(`referralStatus.${s}`)),
              datasets: [{ data: Object.values(referrals.data.byStatus), backgroundColor: PALETTE }],
            }}
            table={{ header: [t('monitoring.status'), t('monitoring.referrals')],
              rows: Object.entries(referrals.data.byStatus).map(([s, n]) => [t(`referralStatus.${s}`), n]) }} />
          <ChartCard id="referral-outcome" title={t('monitoring.referralOutcome')} kind="bar" csvName="referral-outcomes"
            data={{
              labels: Object.keys(referrals.data.byOutcome).map((o) => t(`monitoring.outcome.${o}`, { defaultValue: o })),
              datasets: [{ label: t('monitoring.referrals'), data: Object.values(referrals.data.byOutcome), backgroundColor: PALETTE[2] }],
            }}
            table={{ header: [t('monitoring.outcomeLabel'), t('monitoring.referrals')],
              rows: Object.entries(referrals.data.byOutcome).map(([o, n]) => [t(`monitoring.outcome.${o}`, { defaultValue: o }), n]) }} />
        </div>
      )}

      {workers.isError && <ProblemAlert error={workers.error} />}
      {workers.data && (
        <ChartCard id="workers" title={t('monitoring.workers')} kind="bar" csvName="worker-performance"
          data={{
            labels: workers.data.map((w) => w.name),
            datasets: [
              { label: t('monitoring.caseload'), data: workers.data.map((w) => w.caseload), backgroundColor: PALETTE[0] },
              { label: t('monitoring.closures'), data: workers.data.map((w) => w.closures), backgroundColor: PALETTE[2] },
            ],
          }}
          table={{
            header: [t('monitoring.worker'), t('monitoring.cases'), t('monitoring.caseload'), t('monitoring.hoursToContact'),
              t('monitoring.hoursToAssessment'), t('monitoring.kpi.onTime') + ' (%)', t('monitoring.closures')],
            rows: workers.data.map((w) => [w.name, w.cases, w.caseload, w.medianHoursToFirstContact, w.medianHoursToAssessment,
              percent(w.onTimeShare), w.closures]),
          }} />
      )}
    </section>
  );
}
