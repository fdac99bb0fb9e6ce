import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Loading, ProblemAlert, Success } from '../../components/Feedback';
import { CodeChoices, Field } from '../../components/Form';
import { CoordinationThread } from '../coordination/CoordinationThread';
import { formatDateTime } from '../../lib/i18n';
import { useComponents, useNamer } from '../../lib/reference';
import { useIntake, useReferral, useReferralAction, type Referral } from './api';

const DECLINE_REASONS = ['NO_CAPACITY', 'COMPONENT_NOT_OFFERED', 'OUT_OF_AREA', 'NOT_SUITABLE', 'OTHER'];
const OUTCOMES = ['GOALS_MET', 'PARTIALLY_MET', 'NOT_MET'];

/** One referral for the provider: answer it (accept / decline with a reason), record sessions, complete with an outcome. */
export function PartnerReferralScreen() {
  const { t } = useTranslation();
  const { referralId = '' } = useParams();
  const referral = useReferral(referralId);
  const components = useComponents();
  const name = useNamer();
  if (referral.isPending) return <Loading />;
  if (referral.isError) return <ProblemAlert error={referral.error} />;
  const r = referral.data.data;
  const componentName = (code: string) => name(components.data?.find((c) => c.code === code)) || code;
  return (
    <section>
      <h1>{t('partner.referral.title')}</h1>
      <dl className="facts">
        <dt>{t('partner.referral.status')}</dt><dd>{t(`referralStatus.${r.status}`)}{r.urgent && ` · ${t('partner.referral.urgent')}`}</dd>
        <dt>{t('partner.referral.components')}</dt><dd>{r.components.map(componentName).join(', ')}</dd>
        <dt>{t('partner.referral.requested')}</dt><dd>{formatDateTime(r.requestedAt)}</dd>
        {r.status === 'REQUESTED' && <><dt>{t('partner.referral.answerBy')}</dt><dd>{formatDateTime(r.respondBy)}</dd></>}
        <dt>{t('partner.referral.sessions')}</dt><dd>{r.sessions}</dd>
      </dl>
      <ChildIntake referral={r} />
      <Actions referral={r} etag={referral.data.etag} componentName={componentName} />
      <CoordinationThread caseId={r.caseId} />
    </section>
  );
}

const OPEN = ['REQUESTED', 'ACCEPTED', 'IN_SERVICE'];

/** The child's minimum details while the referral is open; every read is recorded in case-service's audit. */
function ChildIntake({ referral }: { referral: Referral }) {
  const { t } = useTranslation();
  const open = OPEN.includes(referral.status);
  const intake = useIntake(referral, open);
  if (!open) return <p className="muted small">{t('partner.intake.closed')}</p>;
  if (intake.isPending) return <Loading />;
  if (intake.isError) return <ProblemAlert error={intake.error} />;
  const { child, guardian, worker, consent, caseNumber } = intake.data;
  return (
    <section className="card intake" aria-labelledby="intake-title">
      <h2 id="intake-title">{t('partner.intake.title')}</h2>
      <dl className="facts">
        <dt>{t('partner.intake.name')}</dt><dd>{child.name}</dd>
        <dt>{t('partner.intake.age')}</dt>
        <dd>{child.age == null ? '—' : t(child.ageEstimated ? 'partner.intake.ageEstimated' : 'partner.intake.years', { count: child.age })}</dd>
        <dt>{t('partner.intake.sex')}</dt><dd>{child.sex ? t(`sex.${child.sex}`) : '—'}</dd>
        <dt>{t('partner.intake.guardian')}</dt>
        <dd>{guardian.name ?? '—'}{guardian.phone && <> · <a href={`tel:${guardian.phone}`}>{guardian.phone}</a></>}</dd>
        <dt>{t('partner.intake.worker')}</dt>
        <dd>
          {worker ? <>{worker.name ?? worker.username}
            {worker.phone && <> · <a href={`tel:${worker.phone}`}>{worker.phone}</a></>}
            {worker.email && <> · <a href={`mailto:${worker.email}`}>{worker.email}</a></>}</> : '—'}
        </dd>
        <dt>{t('partner.intake.case')}</dt><dd>{caseNumber}</dd>
        <dt>{t('partner.intake.basis')}</dt><dd>{t(`partner.intake.consent.${consent}`)}</dd>
      </dl>
      <p className="muted small">{t('partner.intake.note')}</p>
    </section>
  );
}

function Actions({ referral, etag, componentName }: { referral: Referral; etag: string | null; componentName: (c: string) => string }) {
  const { t } = useTranslation();
  const act = useReferralAction(referral.referralId);
  const form = useForm({ defaultValues: { note: '', reason: 'NO_CAPACITY', detail: '', components: referral.components, outcome: 'GOALS_MET', summary: '' } });
  const send = (action: 'acceptance' | 'decline' | 'sessions' | 'completion', body: unknown) => act.mutate({ action, body, etag });
  const done = act.isSuccess && <Success>{t('partner.referral.saved')}</Success>;
  if (referral.status === 'REQUESTED') {
    return (
      <div className="form step">
        {done}<ProblemAlert error={act.error} />
        <h2>{t('partner.referral.answer')}</h2>
        <Field label={t('partner.referral.note')}>{(p) => <textarea {...p} rows={2} maxLength={2000} {...form.register('note')} />}</Field>
        <button type="button" className="button button-primary" disabled={act.isPending}
          onClick={form.handleSubmit((v) => send('acceptance', { note: v.note.trim() || null }))}>{t('partner.referral.accept')}</button>
        <h3>{t('partner.referral.declineTitle')}</h3>
        <Field label={t('partner.referral.declineReason')}>
          {(p) => <select {...p} {...form.register('reason')}>{DECLINE_REASONS.map((d) => <option key={d} value={d}>{t(`partner.decline.${d}`)}</option>)}</select>}
        </Field>
        <Field label={t('partner.referral.detail')}>{(p) => <textarea {...p} rows={2} maxLength={2000} {...form.register('detail')} />}</Field>
        <button type="button" className="button" disabled={act.isPending}
          onClick={form.handleSubmit((v) => send('decline', { reason: v.reason, detail: v.detail.trim() || null }))}>{t('partner.referral.decline')}</button>
      </div>
    );
  }
  if (referral.status === 'ACCEPTED' || referral.status === 'IN_SERVICE') {
    return (
      <div className="form step">
        {done}<ProblemAlert error={act.error} />
        <h2>{t('partner.referral.sessionTitle')}</h2>
        <CodeChoices legend={t('partner.referral.components')} items={referral.components.map((code) => ({ code }))}
          name={(item: { code: string }) => componentName(item.code)} register={() => form.register('components')} />
        <Field label={t('partner.referral.sessionNote')}>{(p) => <textarea {...p} rows={3} maxLength={4000} {...form.register('note')} />}</Field>
        <button type="button" className="button button-primary" disabled={act.isPending}
          onClick={form.handleSubmit((v) => send('sessions', { deliveredAt: new Date().toISOString(), components: v.components, note: v.note.trim() || null }))}>
          {t('partner.referral.recordSession')}
        </button>
        {referral.status === 'IN_SERVICE' && (
          <>
            <h2>{t('partner.referral.completeTitle')}</h2>
            <Field label={t('partner.referral.outcome')}>
              {(p) => <select {...p} {...form.register('outcome')}>{OUTCOMES.map((o) => <option key={o} value={o}>{t(`monitoring.outcome.${o}`)}</option>)}</select>}
            </Field>
            <Field label={t('partner.referral.summary')}>{(p) => <textarea {...p} rows={3} maxLength={4000} {...form.register('summary')} />}</Field>
            <button type="button" className="button" disabled={act.isPending}
              onClick={form.handleSubmit((v) => send('completion', { outcome: v.outcome, summary: v.summary.trim() || null }))}>
              {t('partner.referral.complete')}
            </button>
          </>
        )}
      </div>
    );
  }
  return done || null;
}
