import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ProblemAlert } from '../../components/Feedback';
import { Field, problemFor, SubmitButton } from '../../components/Form';
import { RegionPicker } from '../../components/RegionPicker';
import { isConflict, useCaseStep, useWorkers } from '../cases/api';
import type { StepProps } from '../cases/StepForms';

/** Reassign a case to another worker of its region (a supervisor, or a worker handing over). */
export function ReassignForm(props: StepProps) {
  const { t } = useTranslation();
  const step = useCaseStep(props.detail.caseId, props.current);
  const workers = useWorkers(props.detail.regionCode);
  const form = useForm({ defaultValues: { worker: '', reason: '' } });
  const e = step.error;
  return (
    <form className="form step" noValidate aria-labelledby="step-reassign"
      onSubmit={form.handleSubmit((v) => step.mutate({ step: 'assignment', body: { worker: v.worker, reason: v.reason.trim() || null } }, {
        onSuccess: () => { form.reset(); props.onDone(t('supervise.reassign.done', { worker: v.worker })); },
        onError: (err) => { if (isConflict(err)) props.onConflict(); },
      }))}>
      <h3 id="step-reassign">{t('supervise.reassign.title')}</h3>
      {e && !isConflict(e) && !problemFor(e, 'worker') && <ProblemAlert error={e} />}
      <Field label={t('supervise.reassign.worker')} error={form.formState.errors.worker?.message ?? problemFor(e, 'worker')}>
        {(p) => (
          <select {...p} {...form.register('worker', { validate: (v) => v !== '' || t('step.errors.required') })}>
            <option value="">{t('common.choose')}</option>
            {workers.data?.filter((w) => w.username !== props.detail.assignedWorker)
              .map((w) => <option key={w.username} value={w.username}>{w.username}</option>)}
          </select>
        )}
      </Field>
      <Field label={t('step.reason')}>{(p) => <input {...p} maxLength={1000} {...form.register('reason')} />}</Field>
      <SubmitButton pending={step.isPending}>{t('supervise.reassign.submit')}</SubmitButton>
    </form>
  );
}

/** Transfer a case to another region (and worker there), with a reason. */
export function TransferForm(props: StepProps) {
  const { t } = useTranslation();
  const step = useCaseStep(props.detail.caseId, props.current);
  const form = useForm({ defaultValues: { toRegionCode: props.detail.regionCode, toWorker: '', reason: '' } });
  const region = form.watch('toRegionCode');
  const workers = useWorkers(region && region.includes('.') ? region : null);
  const e = step.error;
  return (
    <form className="form step" noValidate aria-labelledby="step-transfer"
      onSubmit={form.handleSubmit((v) => step.mutate({ step: 'transfer', body: { toRegionCode: v.toRegionCode, toWorker: v.toWorker || null, reason: v.reason.trim() } }, {
        onSuccess: () => props.onDone(t('supervise.transfer.done')),
        onError: (err) => { if (isConflict(err)) props.onConflict(); },
      }))}>
      <h3 id="step-transfer">{t('supervise.transfer.title')}</h3>
      {e && !isConflict(e) && !problemFor(e, 'toRegionCode', 'toWorker', 'reason') && <ProblemAlert error={e} />}
      <RegionPicker idPrefix="transfer" value={region} onChange={(code) => form.setValue('toRegionCode', code)}
        error={problemFor(e, 'toRegionCode')} />
      <Field label={t('supervise.transfer.worker')} error={problemFor(e, 'toWorker')}>
        {(p) => (
          <select {...p} {...form.register('toWorker')}>
            <option value="">{t('supervise.transfer.noWorker')}</option>
            {workers.data?.map((w) => <option key={w.username} value={w.username}>{w.username}</option>)}
          </select>
        )}
      </Field>
      <Field label={t('step.reason')} error={form.formState.errors.reason?.message ?? problemFor(e, 'reason')}>
        {(p) => <input {...p} maxLength={1000} {...form.register('reason', { validate: (v) => v.trim() !== '' || t('step.errors.required') })} />}
      </Field>
      <SubmitButton pending={step.isPending}>{t('supervise.transfer.submit')}</SubmitButton>
    </form>
  );
}

/**
 * Erase the child's personal data (UU PDP 27/2022): irreversible, so the screen says exactly what happens and asks
 * for the case number to be typed before it sends.
 */
export function EraseForm(props: StepProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const step = useCaseStep(props.detail.caseId, props.current);
  const [confirming, setConfirming] = useState(false);
  const form = useForm({ defaultValues: { reason: '', confirm: '', allCasesOfChild: false } });
  if (props.detail.personalDataErased) return <p className="muted">{t('supervise.erase.already')}</p>;
  // the child's other cases: a request of the child to be forgotten reaches them all
  const others = (props.detail.sameChild?.cases.length ?? 0) + (props.detail.sameChild?.elsewhere ?? 0);
  const e = step.error;
  return (
    <form className="form step danger" noValidate aria-labelledby="step-erase"
      onSubmit={form.handleSubmit((v) => {
        if (!confirming) { setConfirming(true); return; }
        step.mutate({ step: 'personal-data', method: 'DELETE', body: { reason: v.reason.trim(), allCasesOfChild: others > 0 && v.allCasesOfChild } }, {
          onSuccess: () => { props.onDone(t('supervise.erase.done')); navigate(`/cases/${props.detail.caseId}`, { replace: true }); },
        });
      })}>
      <h3 id="step-erase">{t('supervise.erase.title')}</h3>
      <p>{t('supervise.erase.what')}</p>
      {e && <ProblemAlert error={e} />}
      <Field label={t('supervise.erase.reason')} error={form.formState.errors.reason?.message ?? problemFor(e, 'reason')}>
        {(p) => <textarea {...p} rows={2} maxLength={1000} {...form.register('reason', { validate: (v) => v.trim() !== '' || t('step.errors.required') })} />}
      </Field>
      {others > 0 && (
        <label className="check">
          <input type="checkbox" {...form.register('allCasesOfChild')} />
          {t('supervise.erase.allCasesOfChild', { count: others })}
        </label>
      )}
      {confirming && (
        <div className="alert alert-warning" role="alertdialog" aria-labelledby="erase-confirm-title">
          <p id="erase-confirm-title"><strong>{t('supervise.erase.confirmTitle')}</strong></p>
          <p>{others > 0 && form.watch('allCasesOfChild')
            ? t('supervise.erase.confirmTextAll', { caseNumber: props.detail.caseNumber, count: others })
            : t('supervise.erase.confirmText', { caseNumber: props.detail.caseNumber })}</p>
          <Field label={t('supervise.erase.typeNumber', { caseNumber: props.detail.caseNumber })}
            error={form.formState.errors.confirm?.message}>
            {(p) => <input {...p} autoComplete="off" {...form.register('confirm', {
              validate: (v) => !confirming || v.trim() === props.detail.caseNumber || t('supervise.erase.mismatch'),
            })} />}
          </Field>
          <button type="button" className="button" onClick={() => setConfirming(false)}>{t('common.cancel')}</button>
        </div>
      )}
      <button type="submit" className="button button-danger" disabled={step.isPending}>
        {confirming ? t('supervise.erase.submit') : t('supervise.erase.start')}
      </button>
    </form>
  );
}

/**
 * A case under legal proceedings (SPPA, a court's case number) keeps its personal data: no retention erases them and no
 * erasure goes through until the supervisor releases the hold.
 */
export function LegalHoldForm(props: StepProps) {
  const { t } = useTranslation();
  const step = useCaseStep(props.detail.caseId, props.current);
  const form = useForm({ defaultValues: { reason: '' } });
  if (props.detail.personalDataErased) return null;
  const held = !!props.detail.legalHold;
  const e = step.error;
  return (
    <form className="form step" noValidate aria-labelledby="step-hold"
      onSubmit={form.handleSubmit((v) => step.mutate(
        held ? { step: 'legal-hold', method: 'DELETE', body: { reason: v.reason.trim() } } : { step: 'legal-hold', body: { reason: v.reason.trim() } },
        {
          onSuccess: () => { form.reset(); props.onDone(t(held ? 'supervise.hold.released' : 'supervise.hold.placed')); },
          onError: (err) => { if (isConflict(err)) props.onConflict(); },
        }))}>
      <h3 id="step-hold">{t(held ? 'supervise.hold.heldTitle' : 'supervise.hold.title')}</h3>
      <p className="hint">{t(held ? 'supervise.hold.heldWhat' : 'supervise.hold.what')}</p>
      {e && !isConflict(e) && !problemFor(e, 'reason') && <ProblemAlert error={e} />}
      <Field label={t(held ? 'supervise.hold.releaseReason' : 'supervise.hold.reason')}
        error={form.formState.errors.reason?.message ?? problemFor(e, 'reason')}>
        {(p) => <input {...p} maxLength={1000} {...form.register('reason', { validate: (v) => v.trim() !== '' || t('step.errors.required') })} />}
      </Field>
      <SubmitButton pending={step.isPending}>{t(held ? 'supervise.hold.release' : 'supervise.hold.place')}</SubmitButton>
    </form>
  );
}
