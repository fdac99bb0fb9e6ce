import { useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Field, SubmitButton } from '../../components/Form';
import { ApiProblem } from '../../lib/api';

/**
 * The file of a child in conflict with the law (ABH) is confidential (UU 11/2012 art. 19): anyone but its worker states
 * why they open it, and case-service keeps that in its access audit. The purpose stated for a case is sent with each of
 * its reads in this tab (sessionStorage), not asked again at every page.
 */
const KEY = 'amk.purpose.';

export const purposeFor = (caseId: string): string | null => sessionStorage.getItem(KEY + caseId);

export const isPurposeRequired = (e: unknown) => e instanceof ApiProblem && e.type === 'urn:amk:problem:case.purpose-required';

const REASONS = ['supervision', 'lawEnforcement', 'referral', 'quality', 'other'] as const;

export function PurposeForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const form = useForm({ defaultValues: { reason: '', reference: '' } });
  const reason = form.watch('reason');
  const referenceNeeded = reason === 'lawEnforcement' || reason === 'other';
  return (
    <article className="case">
      <form className="form step" noValidate aria-labelledby="purpose-title"
        onSubmit={form.handleSubmit((v) => {
          const stated = [t(`purpose.reasons.${v.reason}`), v.reference.trim()].filter(Boolean).join(' — ');
          sessionStorage.setItem(KEY + caseId, stated);
          void queries.invalidateQueries({ queryKey: ['case', caseId] });
        })}>
        <h1 id="purpose-title">{t('purpose.title')}</h1>
        <p className="hint">{t('purpose.what')}</p>
        <Field label={t('purpose.reason')} error={form.formState.errors.reason?.message}>
          {(p) => (
            <select {...p} {...form.register('reason', { validate: (v) => v !== '' || t('step.errors.required') })}>
              <option value="">{t('purpose.choose')}</option>
              {REASONS.map((r) => <option key={r} value={r}>{t(`purpose.reasons.${r}`)}</option>)}
            </select>
          )}
        </Field>
        <Field label={t(referenceNeeded ? 'purpose.referenceRequired' : 'purpose.reference')} error={form.formState.errors.reference?.message}>
          {(p) => <input {...p} maxLength={150} {...form.register('reference', {
            validate: (v) => !referenceNeeded || v.trim() !== '' || t('step.errors.required') })} />}
        </Field>
        <SubmitButton pending={false}>{t('purpose.open')}</SubmitButton>
        <p><Link to="/cases">{t('purpose.back')}</Link></p>
      </form>
    </article>
  );
}
