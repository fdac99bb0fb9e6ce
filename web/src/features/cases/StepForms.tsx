import { useForm } from 'react-hook-form';
import i18n from '../../lib/i18n';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/Feedback';
import { CodeChoices, Field, namesAField, problemFor, SubmitButton } from '../../components/Form';
import { useComponents, useNamer } from '../../lib/reference';
import type { Versioned } from '../../lib/api';
import { RISK_LEVELS, isConflict, useCaseStep, type CaseDetail } from './api';
import { AbhRoleField, abhRoleRules, CHILD_FIELDS, childBody, ChildFields, childForm, type ChildForm } from './ChildFields';
import { lines, localToInstant, notInFuture, nowLocal } from './rules';

type Step = ReturnType<typeof useCaseStep>;

export interface StepProps {
  detail: CaseDetail;
  /** The case as the worker sees it, with its version (ETag). */
  current: Versioned<CaseDetail>;
  /** Called when the service refused the step because the case changed meanwhile (412). */
  onConflict: () => void;
  onDone: (message: string) => void;
}

/** Sends one step; a stale version keeps the form (and what was typed) and tells the screen. */
function send(step: Step, props: StepProps, path: string, body: unknown, done: string, reset?: () => void) {
  step.mutate(
    { step: path, body },
    {
      onSuccess: (outcome) => {
        reset?.();
        // without a connection the step waits on the device, and the worker is told so
        props.onDone(outcome.sent ? done : `${done} ${i18n.t('field.waitingToSend')}`);
      },
      onError: (e) => {
        if (isConflict(e)) props.onConflict();
      },
    },
  );
}

/** A step's refusal: at its field when it names one of this form's, else above the form. */
function StepProblem({ error, fields }: { error: unknown; fields: string[] }) {
  if (!error || isConflict(error) || namesAField(error, fields)) return null;
  return <ProblemAlert error={error} />;
}

export function FirstContactForm(props: StepProps) {
  const step = useCaseStep(props.detail.caseId, props.current);
  const { t } = useTranslation();
  const form = useForm({ defaultValues: { contactedAt: nowLocal(), note: '' } });
  const e = step.error;
  return (
    <form className="form step" noValidate aria-labelledby="step-first-contact"
      onSubmit={form.handleSubmit((v) => send(step, props, 'first-contact', { contactedAt: localToInstant(v.contactedAt), note: v.note || null },
        t('step.firstContact.done'), () => form.reset({ contactedAt: nowLocal(), note: '' })))}>
      <h3 id="step-first-contact">{t('step.firstContact.title')}</h3>
      <p className="hint">{t('step.firstContact.hint')}</p>
      <StepProblem error={e} fields={['contactedAt', 'note']} />
      <Field label={t('step.firstContact.contactedAt')} error={form.formState.errors.contactedAt?.message ?? problemFor(e, 'contactedAt')}>
        {(p) => <input {...p} type="datetime-local" max={nowLocal()}
          {...form.register('contactedAt', { validate: (v) => (v !== '' && notInFuture(v)) || t('step.errors.pastDate') })} />}
      </Field>
      <Field label={t('step.noteLabel')} error={problemFor(e, 'note')}>
        {(p) => <textarea {...p} rows={3} maxLength={4000} {...form.register('note')} />}
      </Field>
      <SubmitButton pending={step.isPending}>{t('step.firstContact.submit')}</SubmitButton>
    </form>
  );
}

export function AssessmentForm(props: StepProps) {
  const step = useCaseStep(props.detail.caseId, props.current);
  const { t } = useTranslation();
  const components = useComponents();
  const name = useNamer();
  const form = useForm({ defaultValues: { needs: '', risks: '', components: [] as string[], riskLevel: props.detail.riskLevel } });
  const e = step.error;
  return (
    <form className="form step" noValidate aria-labelledby="step-assessment"
      onSubmit={form.handleSubmit((v) => send(step, props, 'assessment', {
        needs: lines(v.needs), risks: lines(v.risks), recommendedComponents: v.components, riskLevel: v.riskLevel,
      }, t('step.assessment.done')))}>
      <h3 id="step-assessment">{t('step.assessment.title')}</h3>
      <p className="hint">{t('step.linesHint')}</p>
      <StepProblem error={e} fields={['needs', 'risks', 'recommendedComponents', 'riskLevel']} />
      <Field label={t('step.assessment.needs')} error={form.formState.errors.needs?.message ?? problemFor(e, 'needs')}>
        {(p) => <textarea {...p} rows={3} {...form.register('needs', { validate: (v) => lines(v).length > 0 || t('step.errors.required') })} />}
      </Field>
      <Field label={t('step.assessment.risks')} error={problemFor(e, 'risks')}>
        {(p) => <textarea {...p} rows={3} {...form.register('risks')} />}
      </Field>
      <CodeChoices legend={t('step.assessment.components')} items={components.data} name={name}
        error={problemFor(e, 'recommendedComponents')} register={() => form.register('components')} />
      <Field label={t('register.riskLevel')} error={problemFor(e, 'riskLevel')}>
        {(p) => (
          <select {...p} {...form.register('riskLevel')}>
            {RISK_LEVELS.map((r) => <option key={r} value={r}>{t(`risk.${r}`)}</option>)}
          </select>
        )}
      </Field>
      <SubmitButton pending={step.isPending}>{t('step.assessment.submit')}</SubmitButton>
    </form>
  );
}

export function PlanForm(props: StepProps) {
  const step = useCaseStep(props.detail.caseId, props.current);
  const { t } = useTranslation();
  const form = useForm({ defaultValues: { goals: '', action: '', due: '', responsible: props.detail.assignedWorker ?? '' } });
  const e = step.error;
  return (
    <form className="form step" noValidate aria-labelledby="step-plan"
      onSubmit={form.handleSubmit((v) => send(step, props, 'plan', {
        goals: lines(v.goals),
        actions: lines(v.action).map((description) => ({ description, due: v.due || null, responsible: v.responsible || null })),
      }, t('step.plan.done')))}>
      <h3 id="step-plan">{t('step.plan.title')}</h3>
      <p className="hint">{t('step.linesHint')}</p>
      <StepProblem error={e} fields={['goals', 'actions']} />
      <Field label={t('step.plan.goals')} error={form.formState.errors.goals?.message ?? problemFor(e, 'goals')}>
        {(p) => <textarea {...p} rows={3} {...form.register('goals', { validate: (v) => lines(v).length > 0 || t('step.errors.required') })} />}
      </Field>
      <Field label={t('step.plan.actions')} error={form.formState.errors.action?.message ?? problemFor(e, 'actions')}>
        {(p) => <textarea {...p} rows={3} {...form.register('action', { validate: (v) => lines(v).length > 0 || t('step.errors.required') })} />}
      </Field>
      <div className="row">
        <Field label={t('step.plan.due')} error={form.formState.errors.due?.message}>
          {(p) => <input {...p} type="date" {...form.register('due', { validate: (v) => v !== '' || t('step.errors.required') })} />}
        </Field>
        <Field label={t('step.plan.responsible')}>{(p) => <input {...p} {...form.register('responsible')} />}</Field>
      </div>
      <SubmitButton pending={step.isPending}>{t('step.plan.submit')}</SubmitButton>
    </form>
  );
}

export function StartInterventionForm(props: StepProps) {
  const step = useCaseStep(props.detail.caseId, props.current);
  const { t } = useTranslation();
  const form = useForm();
  return (
    <form className="form step" aria-labelledby="step-intervention"
      onSubmit={form.handleSubmit(() => send(step, props, 'intervention', {}, t('step.intervention.done')))}>
      <h3 id="step-intervention">{t('step.intervention.title')}</h3>
      <p className="hint">{t('step.intervention.hint')}</p>
      <StepProblem error={step.error} fields={[]} />
      <SubmitButton pending={step.isPending}>{t('step.intervention.submit')}</SubmitButton>
    </form>
  );
}

/** A step that only needs a reason: reintegration, reopening. */
export function ReasonForm(props: StepProps & { path: 'reintegration' | 'reopening'; name: string }) {
  const step = useCaseStep(props.detail.caseId, props.current);
  const { t } = useTranslation();
  const form = useForm({ defaultValues: { reason: '' } });
  const e = step.error;
  return (
    <form className="form step" noValidate aria-labelledby={`step-${props.name}`}
      onSubmit={form.handleSubmit((v) => send(step, props, props.path, { reason: v.reason.trim() }, t(`step.${props.name}.done`), () => form.reset()))}>
      <h3 id={`step-${props.name}`}>{t(`step.${props.name}.title`)}</h3>
      <StepProblem error={e} fields={['reason']} />
      <Field label={t('step.reason')} error={form.formState.errors.reason?.message ?? problemFor(e, 'reason')}>
        {(p) => <textarea {...p} rows={3} maxLength={1000} {...form.register('reason', { validate: (v) => v.trim() !== '' || t('step.errors.required') })} />}
      </Field>
      <SubmitButton pending={step.isPending}>{t(`step.${props.name}.submit`)}</SubmitButton>
    </form>
  );
}

export function ClosureForm(props: StepProps) {
  const step = useCaseStep(props.detail.caseId, props.current);
  const { t } = useTranslation();
  const form = useForm({ defaultValues: { reason: '', outcome: '' } });
  const e = step.error;
  return (
    <form className="form step" noValidate aria-labelledby="step-closure"
      onSubmit={form.handleSubmit((v) => send(step, props, 'closure', { reason: v.reason.trim(), outcome: v.outcome.trim() }, t('step.closure.done')))}>
      <h3 id="step-closure">{t('step.closure.title')}</h3>
      <StepProblem error={e} fields={['reason', 'outcome']} />
      <Field label={t('step.closure.reason')} error={form.formState.errors.reason?.message ?? problemFor(e, 'reason')}>
        {(p) => <input {...p} maxLength={200} {...form.register('reason', { validate: (v) => v.trim() !== '' || t('step.errors.required') })} />}
      </Field>
      <Field label={t('step.closure.outcome')} error={form.formState.errors.outcome?.message ?? problemFor(e, 'outcome')}>
        {(p) => <textarea {...p} rows={3} maxLength={4000} {...form.register('outcome', { validate: (v) => v.trim() !== '' || t('step.errors.required') })} />}
      </Field>
      <SubmitButton pending={step.isPending}>{t('step.closure.submit')}</SubmitButton>
    </form>
  );
}

/** A dated note: follow-up visits after closure (bimbingan lanjut). */
export function FollowUpForm(props: StepProps) {
  const step = useCaseStep(props.detail.caseId, props.current);
  const { t } = useTranslation();
  const form = useForm({ defaultValues: { visitedAt: nowLocal(), note: '' } });
  const e = step.error;
  return (
    <form className="form step" noValidate aria-labelledby="step-follow-up"
      onSubmit={form.handleSubmit((v) => send(step, props, 'follow-up-visits', { visitedAt: localToInstant(v.visitedAt), note: v.note.trim() },
        t('step.followUp.done'), () => form.reset({ visitedAt: nowLocal(), note: '' })))}>
      <h3 id="step-follow-up">{t('step.followUp.title')}</h3>
      <StepProblem error={e} fields={['visitedAt', 'note']} />
      <Field label={t('step.followUp.visitedAt')} error={form.formState.errors.visitedAt?.message ?? problemFor(e, 'visitedAt')}>
        {(p) => <input {...p} type="datetime-local" max={nowLocal()}
          {...form.register('visitedAt', { validate: (v) => (v !== '' && notInFuture(v)) || t('step.errors.pastDate') })} />}
      </Field>
      <Field label={t('step.noteLabel')} error={form.formState.errors.note?.message ?? problemFor(e, 'note')}>
        {(p) => <textarea {...p} rows={3} maxLength={4000} {...form.register('note', { validate: (v) => v.trim() !== '' || t('step.errors.required') })} />}
      </Field>
      <SubmitButton pending={step.isPending}>{t('step.followUp.submit')}</SubmitButton>
    </form>
  );
}

export function NoteForm(props: StepProps) {
  const step = useCaseStep(props.detail.caseId, props.current);
  const { t } = useTranslation();
  const form = useForm({ defaultValues: { note: '' } });
  const e = step.error;
  return (
    <form className="form step" noValidate aria-labelledby="step-note"
      onSubmit={form.handleSubmit((v) => send(step, props, 'notes', { note: v.note.trim() }, t('step.note.done'), () => form.reset()))}>
      <h3 id="step-note">{t('step.note.title')}</h3>
      <StepProblem error={e} fields={['note']} />
      <Field label={t('step.note.text')} error={form.formState.errors.note?.message ?? problemFor(e, 'note')}>
        {(p) => <textarea {...p} rows={3} maxLength={4000} {...form.register('note', { validate: (v) => v.trim() !== '' || t('step.errors.required') })} />}
      </Field>
      <SubmitButton pending={step.isPending}>{t('step.note.submit')}</SubmitButton>
    </form>
  );
}

/**
 * The child's personal data, recorded or corrected as the worker learns them (a case from a Lapor Sosial report starts
 * without them): open while nothing is known, folded away once the child has a name.
 */
export function ChildDetailsForm(props: StepProps) {
  const step = useCaseStep(props.detail.caseId, props.current);
  const { t } = useTranslation();
  // an ABH case from a report learns the child's role with the child: case-service asks for it then
  const abh = props.detail.clusters.includes('ABH');
  const form = useForm<ChildForm & { abhRole: string }>({ defaultValues: { ...childForm(props.detail.child), abhRole: props.detail.abhRole ?? '' } });
  const e = step.error;
  return (
    <details className="step-details" open={!props.detail.child?.name}>
      <summary>{props.detail.child?.name ? t('step.child.edit') : t('step.child.title')}</summary>
      <form className="form step" noValidate aria-labelledby="step-child"
        onSubmit={form.handleSubmit((v) => send(step, props, 'child', { ...childBody(v), abhRole: abh ? v.abhRole || null : null },
          t('step.child.done')))}>
        <h3 id="step-child">{t('step.child.title')}</h3>
        <p className="hint">{t('step.child.hint')}</p>
        <StepProblem error={e} fields={[...CHILD_FIELDS, 'abhRole']} />
        <ChildFields form={form} api={e} />
        {abh && (
          <AbhRoleField registration={form.register('abhRole', abhRoleRules(t))}
            error={form.formState.errors.abhRole?.message ?? problemFor(e, 'abhRole')} />
        )}
        <SubmitButton pending={step.isPending}>{t('step.child.submit')}</SubmitButton>
      </form>
    </details>
  );
}
