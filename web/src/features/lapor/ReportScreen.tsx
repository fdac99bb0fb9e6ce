import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { request } from '../../lib/api';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading, ProblemAlert, Success } from '../../components/Feedback';
import { CodeChoices, Field, problemFor, SubmitButton } from '../../components/Form';
import { RegionPicker } from '../../components/RegionPicker';
import { formatDateTime } from '../../lib/i18n';
import { RegionName, useClusters, useNamer } from '../../lib/reference';
import type { Session } from '../../lib/session';
import { likelyDuplicates, RISK_LEVELS, useWorkers, type LikelyDuplicate } from '../cases/api';
import { useReport, useTriage, type ReportDetail } from './api';
import { isPurposeRequired } from '../cases/purpose';

type Decision = 'ACCEPT' | 'REJECT' | 'FORWARD';

/**
 * case-service registers the accepted report's case from the report's event, a moment after the triage: the link to it
 * is offered once the case is there (asked again every second for a while), not to a page that would say "not found".
 */
function CaseFromReport({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const ready = useQuery({
    queryKey: ['case-from-report', caseId],
    queryFn: () => request(`/api/cases/${encodeURIComponent(caseId)}`),
    // 428: an ABH case, there already (its page asks the reader's purpose)
    retry: (count, e) => !isPurposeRequired(e) && count < 20, retryDelay: 1000, staleTime: Infinity,
  });
  if (ready.isPending) return <p className="hint" role="status">{t('reports.caseBeingMade')}</p>;
  return <Success><Link to={`/cases/${caseId}`}>{t('reports.openCase')}</Link></Success>;
}

/** One report and its triage: accept into a case, reject (duplicate of a case, or out of scope), forward to another region. */
export function ReportScreen({ session }: { session: Session }) {
  const { t } = useTranslation();
  const { reportId = '' } = useParams();
  const report = useReport(reportId);
  if (report.isPending) return <Loading />;
  if (report.isError) return <ProblemAlert error={report.error} />;
  const r = report.data;
  return (
    <article>
      <p><Link to="/reports">← {t('reports.back')}</Link></p>
      <h1>{t('reports.report', { reporter: t(`reporter.${r.reporterType}`) })}</h1>
      <div className="card-meta">
        <span className="badge">{t(`reportStatus.${r.status}`)}</span>
        <span className={`badge risk-${r.urgency}`}>{t(`risk.${r.urgency}`)}</span>
      </div>
      <dl className="facts">
        <div className="fact"><dt>{t('reports.submittedAt')}</dt><dd>{formatDateTime(r.submittedAt)}</dd></div>
        <div className="fact"><dt>{t('case.region')}</dt><dd><RegionName code={r.regionCode} /></dd></div>
        <div className="fact"><dt>{t('reports.description')}</dt><dd className="note">{r.details?.description ?? '—'}</dd></div>
        {r.details?.child?.name && <div className="fact"><dt>{t('child.name')}</dt><dd>{r.details.child.name}</dd></div>}
        {r.details?.reporterName && <div className="fact"><dt>{t('reports.reporter')}</dt><dd>{r.details.reporterName} {r.details.reporterContact}</dd></div>}
      </dl>
      {r.status === 'ACCEPTED' && r.caseId && <CaseFromReport caseId={r.caseId} />}
      {(r.status === 'SUBMITTED' || r.status === 'FORWARDED') && <TriageForm report={r} session={session} />}
    </article>
  );
}

function TriageForm({ report, session }: { report: ReportDetail; session: Session }) {
  const { t } = useTranslation();
  const triage = useTriage(report.reportId);
  const clusters = useClusters();
  const name = useNamer();
  const workers = useWorkers(report.regionCode);
  const [decision, setDecision] = useState<Decision>('ACCEPT');
  const form = useForm({
    defaultValues: { assignedWorker: session.roles.includes('PEKSOS') ? session.username ?? '' : '', urgency: report.urgency,
      clusters: report.suspectedClusters ?? [], reason: 'DUPLICATE', linkedCaseId: '', detail: '', toRegionCode: '', forwardReason: '' },
  });
  const e = triage.error;
  const [sameAs, setSameAs] = useState<LikelyDuplicate | null>(null);
  const markDuplicate = (d: LikelyDuplicate) => {
    setDecision('REJECT');
    form.setValue('reason', 'DUPLICATE');
    form.setValue('linkedCaseId', d.caseId);
    setSameAs(d);
  };
  const submit = form.handleSubmit((v) => {
    const body = decision === 'ACCEPT'
      ? { decision, assignedWorker: v.assignedWorker || null, urgency: v.urgency, suspectedClusters: v.clusters }
      : decision === 'REJECT'
        ? { decision, reason: v.reason, linkedCaseId: v.linkedCaseId.trim() || null, detail: v.detail.trim() || null }
        : { decision, toRegionCode: v.toRegionCode, forwardReason: v.forwardReason.trim() || null };
    triage.mutate(body);
  });
  return (
    <form className="form step" noValidate onSubmit={submit} aria-labelledby="triage-title">
      <h2 id="triage-title">{t('triage.title')}</h2>
      {e && !problemFor(e, 'assignedWorker', 'linkedCaseId', 'toRegionCode', 'suspectedClusters') && <ProblemAlert error={e} />}
      <PossibleDuplicates report={report} onSame={markDuplicate} />
      {sameAs && decision === 'REJECT' && <p className="alert alert-success" role="status">{t('triage.possible.chosen', { caseNumber: sameAs.caseNumber })}</p>}
      <fieldset className="field">
        <legend>{t('triage.decision')}</legend>
        <div className="choices">
          {(['ACCEPT', 'REJECT', 'FORWARD'] as Decision[]).map((d) => (
            <label key={d} className="check">
              <input type="radio" name="decision" value={d} checked={decision === d} onChange={() => setDecision(d)} />
              {t(`triage.${d}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {decision === 'ACCEPT' && (
        <>
          <Field label={t('triage.worker')} error={problemFor(e, 'assignedWorker')}>
            {(p) => (
              <select {...p} {...form.register('assignedWorker')}>
                <option value="">{t('triage.noWorker')}</option>
                {workers.data?.map((w) => <option key={w.username} value={w.username}>{w.username}</option>)}
              </select>
            )}
          </Field>
          <Field label={t('triage.urgency')}>
            {(p) => <select {...p} {...form.register('urgency')}>{RISK_LEVELS.map((r) => <option key={r} value={r}>{t(`risk.${r}`)}</option>)}</select>}
          </Field>
          {/* case-service registers the case with its clusters: at least one is needed */}
          <CodeChoices legend={t('register.clusters')} items={clusters.data} name={name}
            error={form.formState.errors.clusters?.message ?? problemFor(e, 'suspectedClusters')}
            register={() => form.register('clusters', { validate: (v) => v.length > 0 || t('register.errors.clusters') })} />
        </>
      )}
      {decision === 'REJECT' && (
        <>
          <Field label={t('triage.reason')}>
            {(p) => (
              <select {...p} {...form.register('reason')}>
                <option value="DUPLICATE">{t('triage.DUPLICATE')}</option>
                <option value="OUT_OF_SCOPE">{t('triage.OUT_OF_SCOPE')}</option>
              </select>
            )}
          </Field>
          {form.watch('reason') === 'DUPLICATE' && (
            <Field label={t('triage.linkedCase')} hint={t('triage.linkedCaseHint')} error={problemFor(e, 'linkedCaseId')}>
              {(p) => <input {...p} autoComplete="off" {...form.register('linkedCaseId')} />}
            </Field>
          )}
          <Field label={t('triage.detail')}>{(p) => <textarea {...p} rows={2} maxLength={2000} {...form.register('detail')} />}</Field>
        </>
      )}
      {decision === 'FORWARD' && (
        <>
          <RegionPicker idPrefix="forward" value={form.watch('toRegionCode')} onChange={(code) => form.setValue('toRegionCode', code)}
            error={problemFor(e, 'toRegionCode')} />
          <Field label={t('step.reason')}>{(p) => <textarea {...p} rows={2} maxLength={2000} {...form.register('forwardReason')} />}</Field>
        </>
      )}
      <SubmitButton pending={triage.isPending}>{t(`triage.submit${decision}`)}</SubmitButton>
    </form>
  );
}

/**
 * The existing cases whose child is like the report's (name, estimated age, sex, region), checked when triage opens the
 * report: with the cases as they are then. Nothing is shown when the report does not name the child.
 */
function PossibleDuplicates({ report, onSame }: { report: ReportDetail; onSame: (d: LikelyDuplicate) => void }) {
  const { t } = useTranslation();
  const child = report.details?.child;
  const found = useQuery({
    queryKey: ['likely-duplicates', report.reportId],
    queryFn: () => likelyDuplicates(report.regionCode, { name: child?.name, estimatedAge: child?.estimatedAge, sex: child?.sex }),
    enabled: !!child?.name,
    staleTime: 60_000,
  });
  if (!found.data?.length) return null;
  return (
    <section className="duplicates" role="region" aria-labelledby="possible-title">
      <h3 id="possible-title">{t('triage.possible.title')}</h3>
      <p>{t('triage.possible.intro')}</p>
      <ul className="cards">
        {found.data.map((d) => (
          <li key={d.caseId} className="card">
            <p><strong>{d.childName ?? t('register.duplicates.noName')}</strong> · <Link to={`/cases/${d.caseId}`}>{d.caseNumber}</Link></p>
            <p className="muted"><RegionName code={d.regionCode} /> · {t(`stage.${d.stage}`)} · {t('register.duplicates.score', { score: d.score })}</p>
            <p className="chips">{d.reasons.map((r) => <span key={r} className="badge">{t(`register.duplicates.why.${r}`)}</span>)}</p>
            <button type="button" className="button" onClick={() => onSame(d)}>{t('triage.possible.same', { caseNumber: d.caseNumber })}</button>
          </li>
        ))}
      </ul>
    </section>
  );
}
