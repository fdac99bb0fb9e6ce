import { useEffect, useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/Feedback';
import { CodeChoices, Field, namesAField, problemFor, SubmitButton } from '../../components/Form';
import { RegionPicker } from '../../components/RegionPicker';
import { useClusters, useNamer } from '../../lib/reference';
import type { Session } from '../../lib/session';
import { Link, useNavigate } from 'react-router';
import { RegionName } from '../../lib/reference';
import { likelyDuplicates, RISK_LEVELS, SOURCES, useRegisterCase, type LikelyDuplicate } from './api';
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
  // the existing cases that may be of this child, for the child's details as they were checked
  const [checked, setChecked] = useState<{ of: string; found: LikelyDuplicate[] } | null>(null);
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<unknown>(null);
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const api = register.error ?? (checkError as Error | null);

  const caseBody = (v: RegisterForm) => ({
    regionCode: v.regionCode,
    child: childBody(v),
    clusters: v.clusters,
    abhRole: v.clusters.includes('ABH') ? v.abhRole || null : null,
    riskLevel: v.riskLevel,
    source: v.source,
    consent: v.consent,
  });
  const send = (body: Record<string, unknown>) => register.mutate(body, {
    onSuccess: (created) => navigate(`/cases/${created.caseId}`, { state: created.queued ? { queued: true } : { registered: created.caseNumber } }),
  });
  // a child who returns (a new problem, a year later): a new case of the same child, counted as one child
  const registerForSameChild = (caseId: string) => form.handleSubmit((v) => send({ ...caseBody(v), sameChildAs: caseId }))();

  const submit = form.handleSubmit(async (v) => {
    const child = childBody(v);
    const of = JSON.stringify([v.regionCode, child]);
    let found = checked?.of === of ? checked.found : null;
    if (found === null) {
      setChecking(true);
      setCheckError(null);
      try {
        found = await likelyDuplicates(v.regionCode, child);
      } catch (e) {
        setCheckError(e);
        return;
      } finally {
        setChecking(false);
      }
      setChecked({ of, found });
      setReason('');
      // shown first: the worker decides whether this is one of them before anything is registered
      if (found.length > 0) return;
    }
    if (found.length > 0 && !reason.trim()) {
      setReasonMissing(true);
      return;
    }
    send({ ...caseBody(v), notADuplicate: found.length > 0 ? { caseIds: found.map((d) => d.caseId), reason: reason.trim() } : null });
  });
  const duplicates = checked?.found ?? [];
  // the worker is at the button at the bottom of a long form: take them to what was found, and tell screen readers
  const duplicatesTitle = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (duplicates.length === 0) return;
    duplicatesTitle.current?.scrollIntoView({ block: 'start' });
    duplicatesTitle.current?.focus({ preventScroll: true });
  }, [checked]); // eslint-disable-line react-hooks/exhaustive-deps

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
        {duplicates.length > 0 && (
          <section className="duplicates" role="region" aria-labelledby="duplicates-title">
            <h2 id="duplicates-title" ref={duplicatesTitle} tabIndex={-1}>{t('register.duplicates.title')}</h2>
            <p>{t('register.duplicates.intro')}</p>
            <ul className="cards">
              {duplicates.map((d) => (
                <li key={d.caseId} className="card">
                  <p><strong>{d.childName ?? t('register.duplicates.noName')}</strong> · {d.caseNumber}</p>
                  <p className="muted"><RegionName code={d.regionCode} /> · {t(`stage.${d.stage}`)} · {t('register.duplicates.score', { score: d.score })}</p>
                  <p className="chips">{d.reasons.map((r) => <span key={r} className="badge">{t(`register.duplicates.why.${r}`)}</span>)}</p>
                  <div className="actions">
                    <Link className="button" to={`/cases/${d.caseId}`}>{t('register.duplicates.open', { caseNumber: d.caseNumber })}</Link>
                    <button type="button" className="button button-ghost" disabled={register.isPending}
                      onClick={() => void registerForSameChild(d.caseId)}>{t('register.duplicates.sameChild')}</button>
                  </div>
                </li>
              ))}
            </ul>
            <Field label={t('register.duplicates.reason')} hint={t('register.duplicates.reasonHint')}
              error={reasonMissing && !reason.trim() ? t('register.duplicates.reasonRequired') : problemFor(api, 'notADuplicate.reason')}>
              {(p) => <textarea {...p} rows={3} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />}
            </Field>
          </section>
        )}
        <div className="actions">
          <SubmitButton pending={register.isPending || checking}>
            {duplicates.length > 0 ? t('register.duplicates.registerAnyway') : t('register.submit')}
          </SubmitButton>
        </div>
        {checking && <p className="muted" role="status">{t('register.duplicates.checking')}</p>}
      </form>
    </section>
  );
}
