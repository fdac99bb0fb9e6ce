import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading, ProblemAlert } from '../../components/Feedback';
import { formatDateTime } from '../../lib/i18n';
import { RegionName, useClusters, useComponents, useNamer } from '../../lib/reference';
import { useCase, useHistory } from '../cases/api';
import { drop, reapply, sync, useKeptCases, useOnline, useOutbox, type OutboxItem } from './outbox';

/** The worker's field work on this device: what waits to be sent, what needs their review, what failed, the cases kept. */
export function FieldScreen() {
  const { t } = useTranslation();
  const online = useOnline();
  const items = useOutbox();
  const kept = useKeptCases();
  const client = useQueryClient();
  const [syncing, setSyncing] = useState(false);
  const waiting = items.filter((i) => i.state === 'WAITING');
  const review = items.filter((i) => i.state === 'REVIEW');
  const failed = items.filter((i) => i.state === 'FAILED');

  const sendNow = async () => {
    setSyncing(true);
    try {
      await sync();
      await client.invalidateQueries();
    } finally {
      setSyncing(false);
    }
  };

  return (
    <section className="field">
      <h1>{t('field.title')}</h1>
      <p className={online ? 'muted' : 'alert alert-warning'} role="status">{online ? t('field.online') : t('field.offline')}</p>
      <p>
        <button type="button" className="button button-primary" disabled={!online || syncing || waiting.length === 0} onClick={() => void sendNow()}>
          {syncing ? t('field.sending') : t('field.sendNow')}
        </button>
      </p>

      <h2 id="field-review">{t('field.review.title', { count: review.length })}</h2>
      {review.length === 0 ? <p className="muted">{t('field.none')}</p> : (
        <ul className="cards cards-wide" aria-labelledby="field-review">
          {review.map((item) => <ReviewItem key={item.seq} item={item} />)}
        </ul>
      )}

      <h2 id="field-waiting">{t('field.waiting.title', { count: waiting.length })}</h2>
      {waiting.length === 0 ? <p className="muted">{t('field.none')}</p> : (
        <ul className="cards" aria-labelledby="field-waiting">
          {waiting.map((item) => (
            <li key={item.seq} className="card" data-state="WAITING">
              <ActionLabel item={item} />
            </li>
          ))}
        </ul>
      )}

      <h2 id="field-failed">{t('field.failed.title', { count: failed.length })}</h2>
      {failed.length === 0 ? <p className="muted">{t('field.none')}</p> : (
        <ul className="cards" aria-labelledby="field-failed">
          {failed.map((item) => (
            <li key={item.seq} className="card card-overdue" data-state="FAILED">
              <ActionLabel item={item} />
              <p><strong>{item.problem?.code === 'field.case-not-registered' ? t('field.caseNotRegistered') : (item.problem?.title || t('problem.generic.title'))}</strong></p>
              {item.problem?.detail && <p>{item.problem.detail}</p>}
              <div className="card-actions">
                <button type="button" className="button" onClick={() => void drop(item)}>{t('field.drop')}</button>
              </div>
            </li>
          ))}
        </ul>
      )}

      <h2 id="field-kept">{t('field.kept.title', { count: kept.length })}</h2>
      <p className="muted small">{t('field.kept.intro')}</p>
      {kept.length > 0 && (
        <ul className="cards" aria-labelledby="field-kept">
          {kept.map((k) => (
            <li key={k.caseId} className="card">
              <Link className="card-link" to={`/cases/${k.caseId}`}>
                <span className="card-title">{k.detail.child?.name ?? t('case.childUnknown')}</span>
                <span className="muted small">{k.detail.caseNumber || t('field.notYetNumbered')} · {t(`stage.${k.detail.stage}`)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** What the action was, on which case, when it was made. */
function ActionLabel({ item }: { item: OutboxItem }) {
  const { t } = useTranslation();
  const kept = useKeptCases().find((k) => k.caseId === item.caseRef);
  return (
    <>
      <p className="card-title">{t(`field.step.${item.step ?? 'register'}`, { defaultValue: item.step ?? '' })}</p>
      <p className="muted small">
        {(kept?.detail.child?.name ?? kept?.detail.caseNumber) || t('field.notYetNumbered')} · {t('field.madeAt', { when: formatDateTime(item.createdAt) })}
      </p>
      <ActionBody body={item.body} />
    </>
  );
}

/** Where each input of a step is labelled on its form: the same words here. */
const LABELS: Record<string, string> = {
  regionCode: 'region.legend', clusters: 'register.clusters', abhRole: 'register.abhRole', riskLevel: 'register.riskLevel',
  source: 'register.source', consent: 'register.consent', contactedAt: 'step.firstContact.contactedAt', needs: 'step.assessment.needs',
  risks: 'step.assessment.risks', recommendedComponents: 'step.assessment.components', goals: 'step.plan.goals', actions: 'step.plan.actions',
  outcome: 'step.closure.outcome', visitedAt: 'step.followUp.visitedAt', note: 'step.noteLabel', reason: 'step.reason',
};

/** The worker's input, as they typed it, under the labels of its form. */
function ActionBody({ body }: { body: unknown }) {
  const { t } = useTranslation();
  const clusters = useClusters();
  const components = useComponents();
  const named = useNamer();
  const input = { ...((body ?? {}) as Record<string, unknown>) };
  const child = (input.child ?? {}) as Record<string, unknown>;
  delete input.child;
  const shown = (v: unknown) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && !v.length);
  const value = (name: string, v: unknown): React.ReactNode => {
    if (name === 'regionCode') return <RegionName code={String(v)} />;
    if (name === 'riskLevel') return t(`risk.${v}`);
    if (name === 'clusters') return (v as string[]).map((c) => named(clusters.data?.find((x) => x.code === c)) || c).join(', ');
    if (name === 'recommendedComponents') return (v as string[]).map((c) => named(components.data?.find((x) => x.code === c)) || c).join(', ');
    if (name === 'source') return t(`source.${v}`);
    if (name === 'sex') return t(`sex.${v}`, { defaultValue: String(v) });
    if (name === 'consent') return v ? '✓' : '—';
    if (name === 'contactedAt' || name === 'visitedAt') return formatDateTime(String(v));
    if (name === 'actions') return (v as { description: string; due?: string | null }[]).map((a) => a.description + (a.due ? ` (${a.due})` : '')).join('; ');
    return Array.isArray(v) ? v.join(', ') : String(v);
  };
  const facts = [
    ...Object.entries(child).filter(([, v]) => shown(v)).map(([name, v]) => [t(`child.${name}`), value(name, v), name] as const),
    ...Object.entries(input).filter(([, v]) => shown(v)).map(([name, v]) => [t(LABELS[name] ?? name, { defaultValue: name }), value(name, v), name] as const),
  ];
  if (!facts.length) return null;
  return (
    <dl className="facts compact">
      {facts.map(([label, v, name]) => (
        <div className="fact" key={name}><dt>{label}</dt><dd>{v}</dd></div>
      ))}
    </dl>
  );
}

/**
 * An action refused because the case changed after the worker made it (412): what changed on the server since, beside
 * the worker's action; they re-apply it on the case as it is now, change it first (a note), or drop it.
 */
function ReviewItem({ item }: { item: OutboxItem }) {
  const { t } = useTranslation();
  const current = useCase(item.caseRef);
  const history = useHistory(item.caseRef);
  const client = useQueryClient();
  const note = (item.body as { note?: string } | null)?.note;
  const [text, setText] = useState(note ?? '');
  const seen = item.ifMatch ? Number(item.ifMatch.replace(/\D/g, '')) : -1;
  const since = (history.data ?? []).filter((e) => e.sequence > seen);
  const settle = async (run: () => Promise<unknown>) => {
    await run();
    await client.invalidateQueries({ queryKey: ['case', item.caseRef] });
  };

  return (
    <li className="card review" data-state="REVIEW">
      <div className="review-columns">
        <div>
          <h3>{t('field.review.yours', { version: seen })}</h3>
          <ActionLabel item={item} />
        </div>
        <div>
          <h3>{t('field.review.server', { version: seen })}</h3>
          {history.isPending ? <Loading /> : history.isError ? <ProblemAlert error={history.error} /> : (
            <ul className="plain" data-testid="review-server-changes">
              {since.map((e) => (
                <li key={e.sequence}>
                  {t(`event.${e.type}`, { defaultValue: t('event.other') })} · {e.actor} · {formatDateTime(e.at)}
                  {typeof e.details.worker === 'string' && <> · {e.details.worker}</>}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      {note !== undefined && (
        <label className="field-label">
          {t('field.review.adapt')}
          <textarea value={text} onChange={(e) => setText(e.target.value)} rows={3} />
        </label>
      )}
      <div className="card-actions">
        <button type="button" className="button button-primary" disabled={!current.data}
          onClick={() => void settle(() => reapply(item, current.data!.etag, note !== undefined ? { ...(item.body as object), note: text } : undefined))}>
          {t('field.review.reapply')}
        </button>
        <button type="button" className="button" onClick={() => void settle(() => drop(item))}>{t('field.drop')}</button>
      </div>
    </li>
  );
}
