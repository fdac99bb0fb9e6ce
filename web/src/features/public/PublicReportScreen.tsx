import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '../../components/Feedback';
import { Field, namesAField, problemFor, SubmitButton } from '../../components/Form';
import { RegionPicker } from '../../components/RegionPicker';
import { useSendReport } from './api';

interface ReportForm {
  whatHappened: string;
  inDangerNow: boolean;
  regionCode: string;
  placeDetail: string;
  childName: string;
  childAge: string;
  childSex: string;
  reporterType: string;
  anonymous: boolean;
  reporterName: string;
  reporterContact: string;
}

const FIELDS = ['whatHappened', 'regionCode', 'placeDetail', 'child.name', 'child.estimatedAge', 'reporterName', 'reporterContact'];
/** Who reports from the public page; police, LKS and UPTD PPA report through their own accounts or systems. */
const PUBLIC_REPORTERS = ['COMMUNITY', 'SCHOOL', 'HEALTH_FACILITY', 'VILLAGE_OFFICE'] as const;

/** Lapor Sosial for anyone: what happened, where, the child if known, how to reach the reporter (or anonymous). */
export function PublicReportScreen() {
  const { t } = useTranslation();
  const send = useSendReport();
  const form = useForm<ReportForm>({
    defaultValues: { regionCode: '', inDangerNow: false, anonymous: false, reporterType: 'COMMUNITY', childSex: '', childAge: '' },
  });
  const { errors } = form.formState;
  const anonymous = form.watch('anonymous');
  const api = send.error;

  if (send.data) {
    return (
      <section aria-labelledby="sent-title">
        <h1 id="sent-title">{t('public.sent.title')}</h1>
        <p>{t('public.sent.text')}</p>
        <p className="tracking-code" aria-label={t('public.sent.codeLabel')}><strong data-testid="tracking-code">{send.data.trackingCode}</strong></p>
        <p className="muted">{t('public.sent.keep')}</p>
        <p><strong>{t('public.track.status')}:</strong> {send.data.statusText}</p>
        <p className="actions">
          <Link className="button button-primary" to="/lapor/lacak" state={{ code: send.data.trackingCode }}>{t('public.sent.track')}</Link>
          <button type="button" className="button" onClick={() => { send.reset(); form.reset(); }}>{t('public.sent.another')}</button>
        </p>
      </section>
    );
  }

  const submit = form.handleSubmit((v) => {
    const age = v.childAge === '' ? undefined : Number(v.childAge);
    const child = v.childName.trim() || age !== undefined || v.childSex
      ? { name: v.childName.trim() || undefined, estimatedAge: age, sex: (v.childSex || undefined) as 'M' | 'F' | undefined }
      : undefined;
    send.mutate({
      whatHappened: v.whatHappened.trim(),
      inDangerNow: v.inDangerNow,
      regionCode: v.regionCode,
      placeDetail: v.placeDetail.trim() || undefined,
      child,
      reporterType: v.reporterType,
      anonymous: v.anonymous,
      reporterName: v.anonymous ? undefined : v.reporterName.trim() || undefined,
      reporterContact: v.anonymous ? undefined : v.reporterContact.trim() || undefined,
    });
  });

  return (
    <section>
      <h1>{t('public.report.title')}</h1>
      <p>{t('public.report.intro')}</p>
      {api && !namesAField(api, FIELDS) && <ProblemAlert error={api} />}
      <form onSubmit={submit} noValidate className="form">
        <h2>{t('public.report.what')}</h2>
        <Field label={t('public.report.whatHappened')} hint={t('public.report.whatHint')}
          error={errors.whatHappened?.message ?? problemFor(api, 'whatHappened')}>
          {(p) => <textarea {...p} rows={6} maxLength={5000}
            {...form.register('whatHappened', { validate: (v) => v.trim() !== '' || t('public.report.errors.whatHappened') })} />}
        </Field>
        <label className="check check-strong">
          <input type="checkbox" {...form.register('inDangerNow')} />
          <span>{t('public.report.inDangerNow')}</span>
        </label>

        <h2>{t('public.report.where')}</h2>
        <Controller control={form.control} name="regionCode"
          rules={{ validate: (v) => (v && v.includes('.') ? true : t('public.report.errors.region')) }}
          render={({ field }) => (
            <RegionPicker idPrefix="pub" value={field.value} onChange={field.onChange}
              error={errors.regionCode?.message ?? problemFor(api, 'regionCode')} />
          )} />
        <Field label={t('public.report.placeDetail')} hint={t('public.report.placeHint')} error={problemFor(api, 'placeDetail')}>
          {(p) => <input {...p} maxLength={500} autoComplete="off" {...form.register('placeDetail')} />}
        </Field>

        <h2>{t('public.report.child')}</h2>
        <p className="muted small">{t('public.report.childHint')}</p>
        <Field label={t('public.report.childName')} error={problemFor(api, 'child.name')}>
          {(p) => <input {...p} maxLength={200} autoComplete="off" {...form.register('childName')} />}
        </Field>
        <div className="row">
          <Field label={t('public.report.childAge')} error={errors.childAge?.message ?? problemFor(api, 'child.estimatedAge')}>
            {(p) => <input {...p} type="number" inputMode="numeric" min={0} max={17}
              {...form.register('childAge', { validate: (v) => v === '' || (Number(v) >= 0 && Number(v) <= 17) || t('register.errors.notAChild') })} />}
          </Field>
          <Field label={t('child.sex')}>
            {(p) => (
              <select {...p} {...form.register('childSex')}>
                <option value="">{t('common.unknown')}</option>
                <option value="F">{t('sex.F')}</option>
                <option value="M">{t('sex.M')}</option>
              </select>
            )}
          </Field>
        </div>

        <h2>{t('public.report.you')}</h2>
        <Field label={t('public.report.reporterType')}>
          {(p) => (
            <select {...p} {...form.register('reporterType')}>
              {PUBLIC_REPORTERS.map((r) => <option key={r} value={r}>{t(`reporter.${r}`)}</option>)}
            </select>
          )}
        </Field>
        <label className="check">
          <input type="checkbox" {...form.register('anonymous')} />
          <span>{t('public.report.anonymous')}</span>
        </label>
        {anonymous ? (
          <p className="muted small">{t('public.report.anonymousHint')}</p>
        ) : (
          <>
            <Field label={t('public.report.reporterName')} error={problemFor(api, 'reporterName')}>
              {(p) => <input {...p} maxLength={200} autoComplete="name" {...form.register('reporterName')} />}
            </Field>
            <Field label={t('public.report.reporterContact')} hint={t('public.report.contactHint')}
              error={errors.reporterContact?.message ?? problemFor(api, 'reporterContact')}>
              {(p) => <input {...p} maxLength={200} autoComplete="tel"
                {...form.register('reporterContact', { validate: (v, all) => all.anonymous || v.trim() !== '' || t('public.report.errors.contact') })} />}
            </Field>
          </>
        )}
        <p className="muted small">{t('public.report.privacy')}</p>
        <SubmitButton pending={send.isPending}>{t('public.report.send')}</SubmitButton>
      </form>
    </section>
  );
}
