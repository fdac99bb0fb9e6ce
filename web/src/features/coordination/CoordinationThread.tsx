import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Loading, ProblemAlert } from '../../components/Feedback';
import { Field, problemFor, SubmitButton } from '../../components/Form';
import { get, request } from '../../lib/api';
import { formatDate, formatDateTime } from '../../lib/i18n';

interface Thread {
  caseId: string;
  agencies: string[];
  timeline: { at: string; kind: string; details: Record<string, unknown> }[];
  messages: { id: string; author: string; at: string; text: string | null }[];
  actions: { id: string; title: string | null; assignee: string; due: string; status: string; overdue: boolean }[];
}

/** Lapor Sosial coordination of a case: the agencies involved, their messages and action items, the progress timeline. */
export function CoordinationThread({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const thread = useQuery({ queryKey: ['coordination', caseId], queryFn: () => get<Thread>(`/api/coordination/${encodeURIComponent(caseId)}`) });
  const post = useMutation({
    mutationFn: (text: string) => request(`/api/coordination/${encodeURIComponent(caseId)}/messages`, { method: 'POST', body: { text } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['coordination', caseId] }),
  });
  const form = useForm({ defaultValues: { text: '' } });
  if (thread.isPending) return <Loading />;
  if (thread.isError) return <ProblemAlert error={thread.error} />;
  const data = thread.data;
  return (
    <div className="coordination">
      <p className="muted">{data.agencies.length ? t('coordination.agencies', { agencies: data.agencies.join(', ') }) : t('coordination.noAgencies')}</p>
      <h3>{t('coordination.messages')}</h3>
      {data.messages.length === 0 && <p className="empty">{t('coordination.noMessages')}</p>}
      <ul className="messages">
        {data.messages.map((m) => (
          <li key={m.id}><p className="muted small">{m.author} · {formatDateTime(m.at)}</p><p>{m.text ?? t('coordination.erased')}</p></li>
        ))}
      </ul>
      <form className="form" noValidate onSubmit={form.handleSubmit((v) => post.mutate(v.text.trim(), { onSuccess: () => form.reset() }))}>
        {post.error && !problemFor(post.error, 'text') ? <ProblemAlert error={post.error} /> : null}
        <Field label={t('coordination.newMessage')} error={form.formState.errors.text?.message ?? problemFor(post.error, 'text')}>
          {(p) => <textarea {...p} rows={2} maxLength={4000} {...form.register('text', { validate: (v) => v.trim() !== '' || t('step.errors.required') })} />}
        </Field>
        <SubmitButton pending={post.isPending}>{t('coordination.send')}</SubmitButton>
      </form>
      {data.actions.length > 0 && (
        <>
          <h3>{t('coordination.actions')}</h3>
          <ul className="messages">
            {data.actions.map((a) => (
              <li key={a.id} className={a.overdue ? 'overdue' : undefined}>
                <p>{a.title}</p>
                <p className="muted small">{a.assignee} · {formatDate(a.due)} · {t(`actionStatus.${a.status}`, { defaultValue: a.status })}</p>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('coordination.timeline')}</h3>
      <ol className="timeline">
        {data.timeline.slice().reverse().map((e, i) => (
          <li key={i}><p className="timeline-title">{t(`timeline.${e.kind}`, { defaultValue: e.kind })}</p><p className="muted small">{formatDateTime(e.at)}</p></li>
        ))}
      </ol>
    </div>
  );
}
