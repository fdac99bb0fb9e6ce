import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ProblemAlert } from '../../components/Feedback';
import { CodeChoices, Field, namesAField, problemFor, SubmitButton } from '../../components/Form';
import { RegionPicker } from '../../components/RegionPicker';
import { useClusters, useNamer } from '../../lib/reference';
import type { Session } from '../../lib/session';
import { RISK_LEVELS, SOURCES, useRegisterCase } from './api';
import { AbhRoleField, abhRoleRules, CHILD_FIELDS, childBody, ChildFields, childForm, type ChildForm } from './ChildFields';

interface RegisterForm extends ChildForm {
  regionCode: string;
  clusters: string[];
  abhRole: string;
  riskLevel: string;
  source: string;
  consent: boolean;
}

const FIELDS = ['regionCode', ...CHILD_FIELDS, 'clusters', 'abhRole', 'riskLevel', 'source'];

export function RegisterCaseScreen({ session }: { session: Session }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const clusters = useClusters();
  const name = useNamer();
  const register = useRegisterCase();
  const defaultRegion = session.regions.find((r) => r.includes('.')) ?? session.regions[0] ?? '';
  const form = useForm<RegisterForm>({
    defaultValues: { ...childForm(), regionCode: defaultRegion, clusters: [], riskLevel: '', source: 'WALK_IN', consent: false },
  });
  const { errors } = form.formState;
  const chosenClusters = form.watch('clusters');
  const api = register.error;

  const submit = form.handleSubmit((v) => {
    register.mutate(
      {
        regionCode: v.regionCode,
        child: childBody(v),
        clusters: v.clusters,
        abhRole: v.clusters.includes('ABH') ? v.abhRole || null : null,
        riskLevel: v.riskLevel,
        source: v.source,
        consent: v.consent,
      },
      { onSuccess: (created) => navigate(`/cases/${created.caseId}`, { state: created.queued ? { queued: true } : { registered: created.caseNumber } }) },
    );
  });

  return (
    <section>
      <h1>{t('register.title')}</h1>
      <p className="muted">{t('register.intro')}</p>
      {api && !namesAField(api, FIELDS) && <ProblemAlert error={api} />}
      <form onSubmit={submit} noValidate className="form">
        <h2>{t('register.where')}</h2>
        <Controller control={form.control} name="regionCode"
          rules={{ validate: (v) => (v && v.includes('.') ? true : t('register.errors.region')) }}
          render={({ field }) => (
            <RegionPicker idPrefix="reg" value={field.value} onChange={field.onChange}
              error={errors.regionCode?.message ?? problemFor(api, 'regionCode')} />
          )} />

        <h2>{t('register.child')}</h2>
        <ChildFields form={form} api={api} />

        <h2>{t('register.situation')}</h2>
        <CodeChoices legend={t('register.clusters')} items={clusters.data} name={name}
          error={errors.clusters?.message ?? problemFor(api, 'clusters')}
          register={() => form.register('clusters', { validate: (v) => v.length > 0 || t('register.errors.clusters') })} />
        {chosenClusters.includes('ABH') && (
          <AbhRoleField registration={form.register('abhRole', abhRoleRules(t))} error={errors.abhRole?.message ?? problemFor(api, 'abhRole')} />
        )}
        <Field label={t('register.riskLevel')} hint={t('register.riskHint')} error={errors.riskLevel?.message ?? problemFor(api, 'riskLevel')}>
          {(p) => (
            <select {...p} {...form.register('riskLevel', { validate: (v) => v !== '' || t('register.errors.required') })}>
              <option value="">{t('common.choose')}</option>
              {RISK_LEVELS.map((r) => <option key={r} value={r}>{t(`risk.${r}`)}</option>)}
            </select>
          )}
        </Field>
        <Field label={t('register.source')} error={problemFor(api, 'source')}>
          {(p) => (
            <select {...p} {...form.register('source')}>
              {SOURCES.map((s) => <option key={s} value={s}>{t(`source.${s}`)}</option>)}
            </select>
          )}
        </Field>
        <label className="check">
          <input type="checkbox" {...form.register('consent')} />
          {t('register.consent')}
        </label>
        <div className="actions">
          <SubmitButton pending={register.isPending}>{t('register.submit')}</SubmitButton>
        </div>
      </form>
    </section>
  );
}
