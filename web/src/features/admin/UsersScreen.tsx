import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Loading, ProblemAlert, Success } from '../../components/Feedback';
import { Field, namesAField, problemFor, SubmitButton } from '../../components/Form';
import { get, request } from '../../lib/api';

interface User {
  userId: string;
  username: string;
  displayName: string | null;
  roles: string[];
  regions: string[];
  agency: string | null;
  email: string | null;
  phone: string | null;
  enabled: boolean;
  locked: boolean;
}

const ROLES = ['PEKSOS', 'SUPERVISOR', 'MINISTRY_ANALYST', 'ADMIN', 'PARTNER'];

/** Administration of people (identity-service's /api/users): who they are, their roles and regions, enable or disable. */
export function UsersScreen() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const users = useQuery({ queryKey: ['users'], queryFn: () => get<User[]>('/api/users') });
  const toggle = useMutation({
    mutationFn: (u: User) => request<User>(`/api/users/${encodeURIComponent(u.userId)}/${u.enabled ? 'disable' : 'enable'}`, { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['users'] }),
  });
  // a temporary password, shown here once; the user sets their own at the next sign-in, their sessions end now
  const reset = useMutation({
    mutationFn: (u: User) => request<{ user: User; temporaryPassword: string }>(`/api/users/${encodeURIComponent(u.userId)}/password-reset`,
      { method: 'POST' }).then((r) => r.data),
    onSuccess: () => client.invalidateQueries({ queryKey: ['users'] }),
  });
  return (
    <section>
      <h1>{t('admin.users.title')}</h1>
      <NewUser />
      <h2>{t('admin.users.list')}</h2>
      {users.isPending && <Loading />}
      <ProblemAlert error={users.error ?? toggle.error ?? reset.error} />
      {reset.data && (
        <Success>
          {t('admin.users.resetDone', { username: reset.data.user.username })}{' '}
          <strong className="secret" data-testid="temporary-password">{reset.data.temporaryPassword}</strong>
          <br />{t('admin.users.resetOnce')}
        </Success>
      )}
      <ul className="cards">
        {users.data?.map((u) => (
          <li key={u.userId} className={'card' + (u.enabled ? '' : ' card-overdue')}>
            <div className="card-link">
              <span className="card-title">{u.displayName ?? u.username}</span>
              <span className="muted small">{[u.username, u.email, u.phone].filter(Boolean).join(' · ')}</span>
            </div>
            <div className="card-meta">
              {u.roles.map((r) => <span key={r} className="badge">{t(`role.${r}`)}</span>)}
              {u.regions.map((r) => <span key={r} className="badge badge-calm">{r}</span>)}
              {u.agency && <span className="badge badge-calm">{u.agency}</span>}
              {!u.enabled && <span className="badge badge-overdue">{t('admin.users.disabled')}</span>}
            </div>
            <div className="card-actions">
              <button type="button" className="button button-small" disabled={toggle.isPending} onClick={() => toggle.mutate(u)}>
                {u.enabled ? t('admin.users.disable') : t('admin.users.enable')}
              </button>
              <button type="button" className="button button-small" disabled={reset.isPending}
                onClick={() => { if (window.confirm(t('admin.users.resetConfirm', { username: u.username }))) reset.mutate(u); }}>
                {t('admin.users.reset')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function NewUser() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useForm({ defaultValues: { username: '', displayName: '', roles: [] as string[], regions: '', agency: '', email: '', phone: '' } });
  const create = useMutation({
    mutationFn: (body: unknown) => request<{ user: User; initialPassword: string }>('/api/users', { method: 'POST', body }).then((r) => r.data),
    onSuccess: () => { form.reset(); void client.invalidateQueries({ queryKey: ['users'] }); },
  });
  const e = create.error;
  const submit = form.handleSubmit((v) => create.mutate({
    username: v.username.trim(), displayName: v.displayName.trim() || null, roles: v.roles,
    regions: v.regions.split(/[\s,]+/).filter(Boolean), agency: v.agency.trim() || null,
    email: v.email.trim() || null, phone: v.phone.trim() || null,
  }));
  return (
    <form className="form step" noValidate onSubmit={submit} aria-labelledby="new-user-title">
      <h2 id="new-user-title">{t('admin.users.new')}</h2>
      {create.data && (
        <Success>
          {t('admin.users.created', { username: create.data.user.username })}{' '}
          <strong className="secret" data-testid="initial-password">{create.data.initialPassword}</strong>
          <br />{t('admin.users.passwordOnce')}
        </Success>
      )}
      {e && !namesAField(e, ['username', 'roles', 'regions', 'agency', 'email', 'phone']) && <ProblemAlert error={e} />}
      <Field label={t('admin.users.username')} hint={t('admin.users.usernameHint')} error={form.formState.errors.username?.message ?? problemFor(e, 'username')}>
        {(p) => <input {...p} autoComplete="off" {...form.register('username', { pattern: { value: /^[a-z0-9._-]{3,50}$/, message: t('admin.users.usernameHint') } })} />}
      </Field>
      <Field label={t('admin.users.displayName')}>{(p) => <input {...p} autoComplete="off" maxLength={200} {...form.register('displayName')} />}</Field>
      <Field label={t('admin.users.email')} hint={t('admin.users.contactHint')} error={problemFor(e, 'email')}>
        {(p) => <input {...p} type="email" autoComplete="off" maxLength={200} {...form.register('email')} />}
      </Field>
      <Field label={t('admin.users.phone')} error={problemFor(e, 'phone')}>
        {(p) => <input {...p} type="tel" autoComplete="off" maxLength={20} {...form.register('phone')} />}
      </Field>
      <fieldset className={'field' + (form.formState.errors.roles ? ' field-invalid' : '')}>
        <legend>{t('admin.users.roles')}</legend>
        <div className="choices">
          {ROLES.map((r) => (
            <label key={r} className="check">
              <input type="checkbox" value={r} {...form.register('roles', { validate: (v) => v.length > 0 || t('admin.users.rolesRequired') })} />
              <span>{t(`role.${r}`)}</span>
            </label>
          ))}
        </div>
        {(form.formState.errors.roles?.message ?? problemFor(e, 'roles')) && (
          <p className="field-error" role="alert">{form.formState.errors.roles?.message ?? problemFor(e, 'roles')}</p>
        )}
      </fieldset>
      <Field label={t('admin.users.regions')} hint={t('admin.users.regionsHint')} error={problemFor(e, 'regions')}>
        {(p) => <input {...p} autoComplete="off" {...form.register('regions')} />}
      </Field>
      <Field label={t('admin.users.agency')} hint={t('admin.users.agencyHint')} error={problemFor(e, 'agency')}>
        {(p) => <input {...p} autoComplete="off" {...form.register('agency')} />}
      </Field>
      <SubmitButton pending={create.isPending}>{t('admin.users.create')}</SubmitButton>
    </form>
  );
}
