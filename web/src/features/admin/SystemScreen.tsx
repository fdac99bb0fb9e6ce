import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Loading, ProblemAlert, Success } from '../../components/Feedback';
import { Field, namesAField, problemFor, SubmitButton } from '../../components/Form';
import { get, request } from '../../lib/api';
import { formatDateTime } from '../../lib/i18n';

interface Client {
  clientId: string;
  kind: 'MACHINE' | 'WEB';
  description: string | null;
  scopes: string[];
  enabled: boolean;
}

interface SigningKey {
  keyId: string;
  createdAt: string;
  signing: boolean;
  published: boolean;
}

interface Progress {
  projection: string;
  state: 'IDLE' | 'RUNNING' | 'DONE' | 'FAILED' | string;
  generation: number;
  done: number;
  total: number;
  eventsPerSecond: number;
  etaSeconds: number | null;
  finishedAt: string | null;
  error: string | null;
}

const SCOPES = ['cases.read', 'cases.write', 'referrals.read', 'referrals.write', 'reports.read', 'reports.write', 'monitoring.read',
  'registry.export', 'identity.admin'];

/** The platform's machinery for the administrator: machine clients, token signing keys, rebuilding views. */
export function SystemScreen() {
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t('admin.system.title')}</h1>
      <Clients />
      <Keys />
      <ProjectionRebuilds />
    </section>
  );
}

function Clients() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const clients = useQuery({ queryKey: ['clients'], queryFn: () => get<Client[]>('/api/clients') });
  const toggle = useMutation({
    mutationFn: (c: Client) => request<Client>(`/api/clients/${encodeURIComponent(c.clientId)}/${c.enabled ? 'disable' : 'enable'}`, { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['clients'] }),
  });
  const form = useForm({ defaultValues: { clientId: '', description: '', scopes: [] as string[] } });
  const create = useMutation({
    mutationFn: (body: unknown) => request<{ client: Client; clientSecret: string }>('/api/clients', { method: 'POST', body }).then((r) => r.data),
    onSuccess: () => { form.reset(); void client.invalidateQueries({ queryKey: ['clients'] }); },
  });
  const e = create.error;
  return (
    <div className="form step" aria-labelledby="clients-title">
      <h2 id="clients-title">{t('admin.system.clients')}</h2>
      <p className="hint">{t('admin.system.clientsHint')}</p>
      <ProblemAlert error={clients.error ?? toggle.error} />
      {clients.isPending && <Loading />}
      <ul className="cards">
        {clients.data?.map((c) => (
          <li key={c.clientId} className={'card' + (c.enabled ? '' : ' card-overdue')}>
            <div className="card-link">
              <span className="card-title">{c.clientId}</span>
              <span className="muted small">{c.description ?? ''}</span>
            </div>
            <div className="card-meta">
              <span className="badge">{t(`admin.system.kind.${c.kind}`)}</span>
              {c.scopes.map((s) => <span key={s} className="badge badge-calm">{s}</span>)}
              {!c.enabled && <span className="badge badge-overdue">{t('admin.users.disabled')}</span>}
            </div>
            <button type="button" className="button button-small" disabled={toggle.isPending} onClick={() => toggle.mutate(c)}>
              {c.enabled ? t('admin.users.disable') : t('admin.users.enable')}
            </button>
          </li>
        ))}
      </ul>
      <form noValidate aria-labelledby="new-client-title" onSubmit={form.handleSubmit((v) => create.mutate({
        clientId: v.clientId.trim(), kind: 'MACHINE', description: v.description.trim() || null, scopes: v.scopes,
      }))}>
        <h3 id="new-client-title">{t('admin.system.newClient')}</h3>
        {create.data && (
          <Success>
            {t('admin.system.clientCreated', { clientId: create.data.client.clientId })}{' '}
            <strong className="secret" data-testid="client-secret">{create.data.clientSecret}</strong>
            <br />{t('admin.system.secretOnce')}
          </Success>
        )}
        {e && !namesAField(e, ['clientId', 'scopes']) && <ProblemAlert error={e} />}
        <Field label={t('admin.system.clientId')} hint={t('admin.system.clientIdHint')} error={problemFor(e, 'clientId')}>
          {(p) => <input {...p} autoComplete="off" {...form.register('clientId')} />}
        </Field>
        <Field label={t('admin.system.description')}>{(p) => <input {...p} autoComplete="off" maxLength={200} {...form.register('description')} />}</Field>
        <fieldset className="field">
          <legend>{t('admin.system.scopes')}</legend>
          <div className="choices">
            {SCOPES.map((s) => (
              <label key={s} className="check"><input type="checkbox" value={s} {...form.register('scopes')} /><span>{s}</span></label>
            ))}
          </div>
        </fieldset>
        <SubmitButton pending={create.isPending}>{t('admin.system.createClient')}</SubmitButton>
      </form>
    </div>
  );
}

function Keys() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const keys = useQuery({ queryKey: ['keys'], queryFn: () => get<SigningKey[]>('/api/admin/keys') });
  const rotate = useMutation({
    mutationFn: () => request<SigningKey[]>('/api/admin/keys/rotation', { method: 'POST' }).then((r) => r.data),
    onSuccess: (answer) => client.setQueryData(['keys'], answer),
  });
  return (
    <div className="form step" aria-labelledby="keys-title">
      <h2 id="keys-title">{t('admin.system.keys')}</h2>
      <p className="hint">{t('admin.system.keysHint')}</p>
      <ProblemAlert error={keys.error ?? rotate.error} />
      {rotate.isSuccess && <Success>{t('admin.system.rotated')}</Success>}
      <ul className="cards">
        {keys.data?.map((k) => (
          <li key={k.keyId} className="card">
            <div className="card-link">
              <span className="card-title">{k.keyId}</span>
              <span className="muted small">{formatDateTime(k.createdAt)}</span>
            </div>
            <div className="card-meta">
              {k.signing && <span className="badge">{t('admin.system.signing')}</span>}
              {k.published && <span className="badge badge-calm">{t('admin.system.published')}</span>}
            </div>
          </li>
        ))}
      </ul>
      <button type="button" className="button" disabled={rotate.isPending}
        onClick={() => { if (window.confirm(t('admin.system.rotateConfirm'))) rotate.mutate(); }}>{t('admin.system.rotate')}</button>
    </div>
  );
}

function ProjectionRebuilds() {
  const { t } = useTranslation();
  const names = useQuery({ queryKey: ['projections'], queryFn: () => get<string[]>('/api/admin/projections') });
  return (
    <div className="form step" aria-labelledby="projections-title">
      <h2 id="projections-title">{t('admin.system.projections')}</h2>
      <p className="hint">{t('admin.system.projectionsHint')}</p>
      <ProblemAlert error={names.error} />
      {names.data?.map((name) => <Rebuild key={name} name={name} />)}
    </div>
  );
}

/** One view's rebuild: started here, its progress polled every second while it runs. */
function Rebuild({ name }: { name: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const status = useQuery({
    queryKey: ['projection', name],
    queryFn: () => get<Progress>(`/api/admin/projections/${encodeURIComponent(name)}/status`),
    refetchInterval: (q) => (q.state.data?.state === 'RUNNING' ? 1000 : false),
  });
  const start = useMutation({
    mutationFn: () => request<Progress>(`/api/admin/projections/${encodeURIComponent(name)}/rebuild`, { method: 'POST' }).then((r) => r.data),
    onSuccess: (p) => client.setQueryData(['projection', name], p),
  });
  const p = status.data;
  const share = p && p.total > 0 ? Math.min(100, Math.round((p.done / p.total) * 100)) : p?.state === 'DONE' ? 100 : 0;
  return (
    <div className="card">
      <div className="card-link">
        <span className="card-title">{t(`admin.system.projection.${name}`, { defaultValue: name })}</span>
        <span className="muted small" data-testid="rebuild-state">
          {p ? `${t(`admin.system.state.${p.state}`, { defaultValue: p.state })} · ${t('admin.system.generation', { generation: p.generation })}` : ''}
        </span>
      </div>
      {p && p.state !== 'IDLE' && (
        <>
          <progress max={100} value={share} aria-label={t('admin.system.progress', { name })}>{share}%</progress>
          <p className="muted small" role="status">
            {t('admin.system.progressText', { done: p.done.toLocaleString(), total: p.total.toLocaleString(), share,
              rate: Math.round(p.eventsPerSecond).toLocaleString() })}
            {p.state === 'RUNNING' && p.etaSeconds != null && ` · ${t('admin.system.eta', { seconds: p.etaSeconds })}`}
            {p.finishedAt && ` · ${formatDateTime(p.finishedAt)}`}
          </p>
          {p.error && <p className="field-error">{p.error}</p>}
        </>
      )}
      <ProblemAlert error={status.error ?? start.error} />
      <button type="button" className="button button-small" disabled={start.isPending || p?.state === 'RUNNING'}
        onClick={() => { if (window.confirm(t('admin.system.rebuildConfirm'))) start.mutate(); }}>{t('admin.system.rebuild')}</button>
    </div>
  );
}
