import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { ProblemAlert } from '../../components/Feedback';
import { Field, SubmitButton } from '../../components/Form';
import { useTrack } from './api';

/** The reporter's view of a report: its status and when it changed, nothing else (no child, no case). */
export function TrackingScreen() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const track = useTrack();
  const given = (location.state as { code?: string } | null)?.code ?? '';
  const form = useForm<{ code: string }>({ defaultValues: { code: given } });
  const { errors } = form.formState;
  const submit = form.handleSubmit((v) => track.mutate(v.code.trim()));
  return (
    <section>
      <h1>{t('public.track.title')}</h1>
      <p>{t('public.track.intro')}</p>
      <form onSubmit={submit} noValidate className="form">
        <Field label={t('public.track.code')} hint={t('public.track.codeHint')} error={errors.code?.message}>
          {(p) => <input {...p} autoComplete="off" autoCapitalize="characters" spellCheck={false} maxLength={40}
            {...form.register('code', { validate: (v) => v.trim() !== '' || t('public.track.errors.code') })} />}
        </Field>
        <SubmitButton pending={track.isPending}>{t('public.track.button')}</SubmitButton>
      </form>
      {track.error && <ProblemAlert error={track.error} />}
      {track.data && (
        <div className="card" role="status" aria-live="polite">
          <h2>{t(`public.track.statusTitle.${track.data.status}`)}</h2>
          <p>{track.data.statusText}</p>
          <p className="muted small">{t('public.track.updated', {
            at: new Date(track.data.updatedAt).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'long', timeStyle: 'short' }),
          })}</p>
        </div>
      )}
    </section>
  );
}
