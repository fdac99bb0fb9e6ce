import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Loading, ProblemAlert, Success } from '../../components/Feedback';
import { Field, namesAField, problemFor, SubmitButton } from '../../components/Form';
import { get, request } from '../../lib/api';

interface Agency {
  agencyId: string;
  name: string;
  type: string;
  regions: string[];
  enabled: boolean;
}

export const AGENCY_TYPES = ['SERASI_SENTRA', 'SERASI_BALAI', 'SERASI_LOKA', 'LKS', 'LKSA', 'PUSKESMAS', 'HOSPITAL', 'UPTD_PPA', 'POLICE_PPA',
  'DINAS_SOSIAL', 'BAPAS', 'LPKA', 'OTHER'];

/** The agencies whose users answer referrals and take part in coordination (identity-service's /api/agencies). */
export function AgenciesScreen() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const agencies = useQuery({ queryKey: ['agencies'], queryFn: () => get<Agency[]>('/api/agencies') });
  const toggle = useMutation({
    mutationFn: (a: Agency) => request<Agency>(`/api/agencies/${encodeURIComponent(a.agencyId)}/${a.enabled ? 'disable' : 'enable'}`, { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['agencies'] }),
  });
  return (
    <section>
      <h1>{t('admin.agencies.title')}</h1>
      <NewAgency />
      <h2>{t('admin.agencies.list')}</h2>
      {agencies.isPending && <Loading />}
      <ProblemAlert error={agencies.error ?? toggle.error} />
      <ul className="cards">
        {agencies.data?.map((a) => (
          <li key={a.agencyId} className={'card' + (a.enabled ? '' : ' card-overdue')}>
            <div className="card-link">
              <span className="card-title">{a.name}</span>
              <span className="muted small">{a.agencyId}</span>
            </div>
            <div className="card-meta">
              <span className="badge">{t(`agencyType.${a.type}`, { defaultValue: a.type })}</span>
              {a.regions.map((r) => <span key={r} className="badge badge-calm">{r}</span>)}
              {!a.enabled && <span className="badge badge-overdue">{t('admin.users.disabled')}</span>}
            </div>
            <button type="button" className="button button-small" disabled={toggle.isPending} onClick={() => toggle.mutate(a)}>
              {a.enabled ? t('admin.users.disable') : t('admin.users.enable')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function NewAgency() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useForm({ defaultValues: { agencyId: '', name: '', type: 'LKS', regions: '' } });
  const create = useMutation({
    mutationFn: (body: unknown) => request<Agency>('/api/agencies', { method: 'POST', body }).then((r) => r.data),
    onSuccess: () => { form.reset(); void client.invalidateQueries({ queryKey: ['agencies'] }); },
  });
  const e = create.error;
  return (
    <form className="form step" noValidate aria-labelledby="new-agency-title" onSubmit={form.handleSubmit((v) => create.mutate({
      agencyId: v.agencyId.trim(), name: v.name.trim(), type: v.type, regions: v.regions.split(/[\s,;]+/).filter(Boolean),
    }))}>
      <h2 id="new-agency-title">{t('admin.agencies.new')}</h2>
      {create.data && <Success>{t('admin.agencies.created', { name: create.data.name })}</Success>}
      {e && !namesAField(e, ['agencyId', 'name', 'type', 'regions']) && <ProblemAlert error={e} />}
      <Field label={t('admin.agencies.id')} hint={t('admin.agencies.idHint')} error={form.formState.errors.agencyId?.message ?? problemFor(e, 'agencyId')}>
        {(p) => <input {...p} autoComplete="off" {...form.register('agencyId', { pattern: { value: /^[a-z0-9-]{2,80}$/, message: t('admin.agencies.idHint') } })} />}
      </Field>
      <Field label={t('admin.agencies.name')} error={form.formState.errors.name?.message ?? problemFor(e, 'name')}>
        {(p) => <input {...p} autoComplete="off" maxLength={200} {...form.register('name', { validate: (v) => v.trim() !== '' || t('register.errors.required') })} />}
      </Field>
      <Field label={t('admin.agencies.type')} error={problemFor(e, 'type')}>
        {(p) => <select {...p} {...form.register('type')}>{AGENCY_TYPES.map((ty) => <option key={ty} value={ty}>{t(`agencyType.${ty}`)}</option>)}</select>}
      </Field>
      <Field label={t('admin.users.regions')} hint={t('admin.agencies.regionsHint')} error={form.formState.errors.regions?.message ?? problemFor(e, 'regions')}>
        {(p) => <input {...p} autoComplete="off" {...form.register('regions', { validate: (v) => v.trim() !== '' || t('register.errors.required') })} />}
      </Field>
      <SubmitButton pending={create.isPending}>{t('admin.agencies.create')}</SubmitButton>
    </form>
  );
}
