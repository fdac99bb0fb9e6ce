import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { DueBadge } from '../../components/Countdown';
import { Loading, ProblemAlert, Success } from '../../components/Feedback';
import { StageStepper } from '../../components/StageStepper';
import { formatDate, formatDateTime } from '../../lib/i18n';
import { RegionName, useClusters, useComponents, useNamer } from '../../lib/reference';
import { isSupervisor, type Session } from '../../lib/session';
import { CoordinationThread } from '../coordination/CoordinationThread';
import { ReferralForm } from '../referrals/ReferralForm';
import { EraseForm, LegalHoldForm, ReassignForm, TransferForm } from '../supervision/SupervisorActions';
import { useCase, type CaseDetail, type Stage } from './api';
import { HistoryTimeline } from './HistoryTimeline';
import { SameChildSection } from './SameChild';
import { isPurposeRequired, PurposeForm } from './purpose';
import { isLocal, markForField, useKeptCases } from '../field/outbox';
import { localToInstant } from './rules';
import {
  AssessmentForm, ChildDetailsForm, ClosureForm, FirstContactForm, FollowUpForm, NoteForm, PlanForm, ReasonForm, StartInterventionForm, type StepProps,
} from './StepForms';

type Tab = 'work' | 'history' | 'coordination';

/** One case: where it stands, the next step as a form, its history, its coordination; or as it stood at an instant. */
export function CaseScreen({ session }: { session: Session }) {
  const { t } = useTranslation();
  const { caseId = '' } = useParams();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const asOf = params.get('asOf');
  const current = useCase(caseId, asOf);
  const [tab, setTab] = useState<Tab>('work');
  const navigate = useNavigate();
  const arrived = location.state as { registered?: string; queued?: boolean } | null;
  const [done, setDone] = useState<string | null>(
    arrived?.registered ? t('register.done', { caseNumber: arrived.registered }) : arrived?.queued ? t('register.queued') : null);
  // a case registered on the device has its own id once the service registered it
  const realId = current.data?.data.caseId;
  useEffect(() => {
    if (realId && realId !== caseId && !isLocal(realId)) navigate(`/cases/${realId}`, { replace: true });
  }, [realId, caseId, navigate]);
  // while a refused (stale) step is shown, its form stays on screen with what was typed, whatever the case did since
  const [conflictStage, setConflictStage] = useState<Stage | null>(null);

  if (current.isPending) return <Loading />;
  if (current.isError) return isPurposeRequired(current.error) ? <PurposeForm caseId={caseId} /> : <ProblemAlert error={current.error} />;
  const detail = current.data.data;
  const offline = !!current.data.offline;
  const props: StepProps = {
    detail,
    current: current.data,
    onConflict: () => { setDone(null); setConflictStage((s) => s ?? detail.stage); },
    onDone: (message) => { setDone(message); setConflictStage(null); },
  };

  return (
    <article className="case">
      <header className="case-header">
        <p className="muted small">{detail.caseNumber}</p>
        <h1>{detail.personalDataErased ? t('case.erased') : detail.child?.name ?? t('case.childUnknown')}</h1>
        <div className="card-meta">
          <span className="badge">{t(`stage.${detail.stage}`)}</span>
          <span className={`badge risk-${detail.riskLevel}`}>{t(`risk.${detail.riskLevel}`)}</span>
          {!asOf && detail.stage !== 'CLOSED' && <DueBadge overdue={detail.overdue} nextDeadline={detail.nextDeadline} nextDueAt={detail.nextDueAt} />}
        </div>
        <StageStepper stage={detail.stage} />
      </header>

      {offline ? (
        <div className="alert alert-warning" role="status" data-testid="offline-copy">{t('field.caseOffline')}</div>
      ) : (
        <>
          <AsOfControl asOf={asOf} onChange={(value) => setParams(value ? { asOf: value } : {})} />
          {!asOf && <FieldMark detail={detail} etag={current.data.etag} />}
        </>
      )}
      {done && !asOf && <Success>{done}</Success>}
      {conflictStage && !asOf && (
        <div className="alert alert-warning" role="alert">
          <strong>{t('conflict.title')}</strong>
          <p>{t('conflict.text')}</p>
          <button type="button" className="button" onClick={() => setConflictStage(null)}>{t('conflict.dismiss')}</button>
        </div>
      )}

      <div className="tablist" role="tablist" aria-label={t('case.sections')}>
        {(['work', 'history', 'coordination'] as Tab[]).map((name) => (
          <button key={name} type="button" role="tab" id={`tab-${name}`} aria-selected={tab === name} aria-controls={`panel-${name}`}
            className={tab === name ? 'active' : ''} onClick={() => setTab(name)}>{t(`case.tab.${name}`)}</button>
        ))}
      </div>

      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'work' && (
          <>
            <CaseFacts detail={detail} />
            {!asOf && <SameChildSection {...props} offline={offline} />}
            {!asOf && !detail.personalDataErased && detail.stage !== 'CLOSED' && <ChildDetailsForm key={current.data.etag} {...props} />}
            {!asOf && (
              <section aria-labelledby="next-step">
                <h2 id="next-step">{t('case.nextStep')}</h2>
                <NextStep stage={conflictStage ?? detail.stage} props={props} />
                {detail.stage !== 'CLOSED' && !offline && <ReferralForm detail={detail} onDone={props.onDone} />}
                <NoteForm {...props} />
              </section>
            )}
            {!asOf && !offline && isSupervisor(session) && (
              <section aria-labelledby="supervise">
                <h2 id="supervise">{t('supervise.title')}</h2>
                {detail.stage !== 'CLOSED' && <ReassignForm {...props} />}
                {detail.stage !== 'CLOSED' && <TransferForm {...props} />}
                <LegalHoldForm {...props} />
                {!detail.legalHold && <EraseForm {...props} />}
              </section>
            )}
          </>
        )}
        {tab === 'history' && <HistoryTimeline caseId={caseId} />}
        {tab === 'coordination' && <CoordinationThread caseId={caseId} />}
      </div>
    </article>
  );
}

/** Keeps the case on this device for work without a connection (the worker's own cases are kept anyway). */
function FieldMark({ detail, etag }: { detail: CaseDetail; etag: string | null }) {
  const { t } = useTranslation();
  const kept = useKeptCases().find((k) => k.caseId === detail.caseId);
  return (
    <p className="field-mark">
      {kept && <span className="muted small">{t('field.keptHere')} </span>}
      <button type="button" className="button button-ghost" aria-pressed={!!kept?.field}
        onClick={() => void markForField(detail, etag, !kept?.field).catch(() => undefined)}>
        {kept?.field ? t('field.unmark') : t('field.mark')}
      </button>
    </p>
  );
}

function NextStep({ stage, props }: { stage: Stage; props: StepProps }) {
  switch (stage) {
    case 'REGISTERED':
      return props.detail.firstContactAt ? <AssessmentForm {...props} /> : <FirstContactForm {...props} />;
    case 'ASSESSED':
      return <PlanForm {...props} />;
    case 'PLANNED':
      return <StartInterventionForm {...props} />;
    case 'IN_INTERVENTION':
      return <ReasonForm {...props} path="reintegration" name="reintegration" />;
    case 'REINTEGRATION':
      return <ClosureForm {...props} />;
    case 'CLOSED':
      return (
        <>
          <FollowUpForm {...props} />
          <ReasonForm {...props} path="reopening" name="reopening" />
        </>
      );
  }
}

/** "As it stood on <date>": the case folded up to that instant, read-only. */
function AsOfControl({ asOf, onChange }: { asOf: string | null; onChange: (value: string | null) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  if (asOf) {
    return (
      <div className="alert alert-info" role="status">
        <p>{t('asOf.showing', { when: formatDateTime(asOf) })}</p>
        <button type="button" className="button" onClick={() => onChange(null)}>{t('asOf.back')}</button>
      </div>
    );
  }
  return (
    <form className="asof" onSubmit={(e) => { e.preventDefault(); if (value) onChange(localToInstant(value)); }}>
      <label htmlFor="asof-input">{t('asOf.label')}</label>
      <input id="asof-input" type="datetime-local" value={value} onChange={(e) => setValue(e.target.value)} />
      <button type="submit" className="button" disabled={!value}>{t('asOf.show')}</button>
    </form>
  );
}

function CaseFacts({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const clusters = useClusters();
  const components = useComponents();
  const name = useNamer();
  const child = detail.child;
  const fact = (label: string, value: React.ReactNode) => value === null || value === undefined || value === '' ? null : (
    <div className="fact"><dt>{label}</dt><dd>{value}</dd></div>
  );
  return (
    <dl className="facts">
      {fact(t('case.region'), <RegionName code={detail.regionCode} />)}
      {fact(t('case.worker'), detail.assignedWorker ?? t('case.unassigned'))}
      {fact(t('case.clusters'), detail.clusters.map((c) => name(clusters.data?.find((x) => x.code === c)) || c).join(', '))}
      {detail.abhRole && fact(t('register.abhRole'), t(`abhRole.${detail.abhRole}`))}
      {child && fact(t('child.nik'), child.nik)}
      {child && fact(t('child.birthDate'), child.birthDate ? formatDate(child.birthDate) : child.estimatedAge !== null ? t('case.age', { age: child.estimatedAge }) : null)}
      {child?.sex && fact(t('child.sex'), t(`sex.${child.sex}`, { defaultValue: child.sex }))}
      {child && fact(t('child.address'), child.address)}
      {child && fact(t('child.guardianName'), [child.guardianName, child.guardianPhone].filter(Boolean).join(' · '))}
      {fact(t('case.registeredAt'), formatDateTime(detail.registeredAt))}
      {fact(t('case.firstContactAt'), detail.firstContactAt ? formatDateTime(detail.firstContactAt) : null)}
      {detail.needs?.length ? fact(t('step.assessment.needs'), detail.needs.join('; ')) : null}
      {detail.risks?.length ? fact(t('step.assessment.risks'), detail.risks.join('; ')) : null}
      {detail.recommendedComponents?.length
        ? fact(t('step.assessment.components'), detail.recommendedComponents.map((c) => name(components.data?.find((x) => x.code === c)) || c).join(', '))
        : null}
      {detail.goals?.length ? fact(t('step.plan.goals'), detail.goals.join('; ')) : null}
      {detail.actions?.length ? fact(t('step.plan.actions'), detail.actions.map((a) => a.description).join('; ')) : null}
      {fact(t('step.closure.reason'), detail.closureReason)}
      {fact(t('step.closure.outcome'), detail.outcome)}
      {fact(t('case.notes'), t('case.notesCount', { count: detail.progressNotes }))}
      {detail.followUpVisits > 0 && fact(t('step.followUp.title'), detail.followUpVisits)}
      {detail.referrals.length > 0 && fact(t('case.referrals'), (
        <ul className="plain">
          {detail.referrals.map((r) => <li key={r.referralId}>{r.providerId}: {t(`referralStatus.${r.status}`, { defaultValue: r.status })}</li>)}
        </ul>
      ))}
    </dl>
  );
}
