import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ProblemAlert } from '../../components/Feedback';
import { CodeChoices, Field, namesAField, problemFor, SubmitButton } from '../../components/Form';
import { RegionPicker } from '../../components/RegionPicker';
import { useClusters, useNamer } from '../../lib/reference';
import type { Session } from '../../lib/session';
import { ABH_ROLES, RISK_LEVELS, SOURCES, useRegisterCase } from './api';
import { isChildBirthDate, nikLooksValid } from './rules';

interface RegisterForm {
  regionCode: string;
  name: string;
  nik: string;
  birthDate: string;
  estimatedAge: string;
  sex: string;
  disability: string;
  address: string;
  guardianName: string;
  guardianPhone: string;
  clusters: string[];
  abhRole: string;
  riskLevel: string;
  source: string;
  consent: boolean;
}

const FIELDS = ['regionCode', 'child.name', 'child.nik', 'child.birthDate', 'child.estimatedAge', 'clusters', 'abhRole', 'riskLevel', 'source'];

export function RegisterCaseScreen({ session }: { session: Session }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const clusters = useClusters();
  const name = useNamer();
  const register = useRegisterCase();
  const defaultRegion = session.regions.find((r) => r.includes('.')) ?? session.regions[0] ?? '';
  const form = useForm<RegisterForm>({
    defaultValues: { regionCode: defaultRegion, clusters: [], riskLevel: '', source: 'WALK_IN', consent: false, sex: '' },
  });
  const { errors } = form.formState;
  const chosenClusters = form.watch('clusters');
  const api = register.error;

  const submit = form.handleSubmit((v) => {
    register.mutate(
      {
        regionCode: v.regionCode,
        child: {
          name: v.name.trim(),
          nik: v.nik.trim() || null,
          birthDate: v.birthDate || null,
          estimatedAge: v.estimatedAge === '' ? null : Number(v.estimatedAge),
          sex: v.sex || null,
          disability: v.disability.trim() || null,
          address: v.address.trim() || null,
          guardianName: v.guardianName.trim() || null,
          guardianPhone: v.guardianPhone.trim() || null,
        },
        clusters: v.clusters,
        abhRole: v.clusters.includes('ABH') ? v.abhRole || null : null,
        riskLevel: v.riskLevel,
        source: v.source,
        consent: v.consent,
      },
      { onSuccess: (created) => navigate(`/cases/${created.caseId}`, { state: { registered: created.caseNumber } }) },
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
        <Field label={t('child.name')} error={errors.name?.message ?? problemFor(api, 'child.name')}>
          {(p) => <input {...p} autoComplete="off" {...form.register('name', { validate: (v) => v.trim() !== '' || t('register.errors.required') })} />}
        </Field>
        <Field label={t('child.nik')} hint={t('child.nikHint')} error={errors.nik?.message ?? problemFor(api, 'child.nik')}>
          {(p) => <input {...p} inputMode="numeric" autoComplete="off" maxLength={16}
            {...form.register('nik', { validate: (v) => v.trim() === '' || nikLooksValid(v.trim()) || t('register.errors.nik') })} />}
        </Field>
        <div className="row">
          <Field label={t('child.birthDate')} error={errors.birthDate?.message ?? problemFor(api, 'child.birthDate')}>
            {(p) => <input {...p} type="date" {...form.register('birthDate', {
              validate: (v, all) => (v === '' ? all.estimatedAge !== '' || t('register.errors.birthOrAge') : isChildBirthDate(v) || t('register.errors.notAChild')),
            })} />}
          </Field>
          <Field label={t('child.estimatedAge')} error={errors.estimatedAge?.message ?? problemFor(api, 'child.estimatedAge')}>
            {(p) => <input {...p} type="number" inputMode="numeric" min={0} max={17}
              {...form.register('estimatedAge', { validate: (v) => v === '' || (Number(v) >= 0 && Number(v) <= 17) || t('register.errors.notAChild') })} />}
          </Field>
        </div>
        <Field label={t('child.sex')}>
          {(p) => (
            <select {...p} {...form.register('sex')}>
              <option value="">{t('common.unknown')}</option>
              <option value="F">{t('sex.F')}</option>
              <option value="M">{t('sex.M')}</option>
            </select>
          )}
        </Field>
        <Field label={t('child.disability')} hint={t('child.disabilityHint')}>
          {(p) => <input {...p} autoComplete="off" {...form.register('disability')} />}
        </Field>
        <Field label={t('child.address')}>
          {(p) => <input {...p} autoComplete="off" {...form.register('address')} />}
        </Field>
        <div className="row">
          <Field label={t('child.guardianName')}>
            {(p) => <input {...p} autoComplete="off" {...form.register('guardianName')} />}
          </Field>
          <Field label={t('child.guardianPhone')}>
            {(p) => <input {...p} type="tel" autoComplete="off" {...form.register('guardianPhone')} />}
          </Field>
        </div>

        <h2>{t('register.situation')}</h2>
        <CodeChoices legend={t('register.clusters')} items={clusters.data} name={name}
          error={errors.clusters?.message ?? problemFor(api, 'clusters')}
          register={() => form.register('clusters', { validate: (v) => v.length > 0 || t('register.errors.clusters') })} />
        {chosenClusters.includes('ABH') && (
          <Field label={t('register.abhRole')} error={errors.abhRole?.message ?? problemFor(api, 'abhRole')}>
            {(p) => (
              <select {...p} {...form.register('abhRole', { validate: (v) => v !== '' || t('register.errors.abhRole') })}>
                <option value="">{t('common.choose')}</option>
                {ABH_ROLES.map((r) => <option key={r} value={r}>{t(`abhRole.${r}`)}</option>)}
              </select>
            )}
          </Field>
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
