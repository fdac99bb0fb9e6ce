import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/Feedback';
import { CodeChoices, Field, namesAField, problemFor, SubmitButton } from '../../components/Form';
import { get, query, request } from '../../lib/api';
import { useComponents, useNamer } from '../../lib/reference';
import type { CaseDetail } from '../cases/api';

interface Provider {
  id: string;
  name: string;
  type: string;
  components: string[];
  capacity: number;
  load: number;
  available: boolean;
}

const CONSENT = ['CHILD', 'GUARDIAN', 'CHILD_AND_GUARDIAN'] as const;
const FIELDS = ['providerId', 'components', 'reason', 'consentBy', 'emergencyOverrideReason', 'capacityOverrideReason'];

/** Refer the child to an ATENSI / SERASI provider that covers the case's region, with consent (or an emergency reason). */
export function ReferralForm({ detail, onDone }: { detail: CaseDetail; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const components = useComponents();
  const name = useNamer();
  const providers = useQuery({
    queryKey: ['providers', detail.regionCode],
    queryFn: () => get<Provider[]>('/api/providers' + query({ region: detail.regionCode })),
  });
  const refer = useMutation({
    mutationFn: (body: unknown) => request('/api/referrals', { method: 'POST', body }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['case', detail.caseId] });
      void client.invalidateQueries({ queryKey: ['coordination', detail.caseId] });
    },
  });
  const form = useForm({
    defaultValues: { providerId: '', components: (detail.recommendedComponents ?? []) as string[], reason: '', consentBy: detail.consent ? 'GUARDIAN' : '',
      emergency: '', healthNeed: false, capacityOverride: '' },
  });
  const providerId = form.watch('providerId');
  const chosen = providers.data?.find((p) => p.id === providerId);
  const e = refer.error;
  return (
    <form className="form step" noValidate aria-labelledby="step-referral"
      onSubmit={form.handleSubmit((v) => refer.mutate({
        caseId: detail.caseId, providerId: v.providerId, components: v.components, reason: v.reason.trim() || null,
        healthNeed: v.healthNeed, consentBy: v.consentBy || null, emergencyOverrideReason: v.emergency.trim() || null,
        capacityOverrideReason: v.capacityOverride.trim() || null,
      }, { onSuccess: () => { form.reset(); onDone(t('referral.done')); } }))}>
      <h3 id="step-referral">{t('referral.title')}</h3>
      {e && !namesAField(e, FIELDS) && <ProblemAlert error={e} />}
      <Field label={t('referral.provider')} error={form.formState.errors.providerId?.message ?? problemFor(e, 'providerId')}>
        {(p) => (
          <select {...p} {...form.register('providerId', { validate: (v) => v !== '' || t('step.errors.required') })}>
            <option value="">{t('common.choose')}</option>
            {providers.data?.map((pr) => (
              <option key={pr.id} value={pr.id}>
                {pr.name} — {t(pr.available ? 'referral.places' : 'referral.full', { free: Math.max(pr.capacity - pr.load, 0), capacity: pr.capacity })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <CodeChoices legend={t('referral.components')} name={name}
        items={components.data?.filter((c) => !chosen || chosen.components.includes(c.code))}
        error={form.formState.errors.components?.message ?? problemFor(e, 'components')}
        register={() => form.register('components', { validate: (v) => v.length > 0 || t('step.errors.required') })} />
      <Field label={t('referral.reason')} error={problemFor(e, 'reason')}>
        {(p) => <textarea {...p} rows={2} maxLength={2000} {...form.register('reason')} />}
      </Field>
      <Field label={t('referral.consentBy')} hint={t('referral.consentHint')} error={problemFor(e, 'consentBy')}>
        {(p) => (
          <select {...p} {...form.register('consentBy')}>
            <option value="">{t('referral.noConsent')}</option>
            {CONSENT.map((c) => <option key={c} value={c}>{t(`consent.${c}`)}</option>)}
          </select>
        )}
      </Field>
      {form.watch('consentBy') === '' && (
        <Field label={t('referral.emergency')} error={problemFor(e, 'emergencyOverrideReason')}>
          {(p) => <input {...p} maxLength={1000} {...form.register('emergency')} />}
        </Field>
      )}
      {chosen && !chosen.available && (
        <Field label={t('referral.capacityOverride')} error={problemFor(e, 'capacityOverrideReason')}>
          {(p) => <input {...p} maxLength={1000} {...form.register('capacityOverride')} />}
        </Field>
      )}
      <label className="check"><input type="checkbox" {...form.register('healthNeed')} />{t('referral.healthNeed')}</label>
      <SubmitButton pending={refer.isPending}>{t('referral.submit')}</SubmitButton>
    </form>
  );
}
