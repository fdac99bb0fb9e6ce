import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { deviceDb, unlocked } from '../../lib/device';
import { keepReferenceForField } from '../../lib/reference';
import { keptCases, refreshKept, setFieldUser, sync, useOnline, useOutbox } from './outbox';

/** Always in sight for case workers: the connection, and how many actions wait, need review or failed. */
export function FieldStatus() {
  const { t } = useTranslation();
  const online = useOnline();
  const items = useOutbox();
  const count = (state: string) => items.filter((i) => i.state === state).length;
  const waiting = count('WAITING');
  const review = count('REVIEW');
  const failed = count('FAILED');
  const parts = [
    waiting > 0 && t('field.status.waiting', { count: waiting }),
    review > 0 && t('field.status.review', { count: review }),
    failed > 0 && t('field.status.failed', { count: failed }),
  ].filter(Boolean);
  return (
    <NavLink to="/field" className={`field-status${online ? '' : ' field-offline'}${review + failed > 0 ? ' field-attention' : ''}`}
      data-testid="field-status" data-waiting={waiting} data-review={review} data-failed={failed}>
      <span>{online ? t('field.status.online') : t('field.status.offline')}</span>
      <span>{parts.length ? parts.join(' · ') : t('field.status.allSent')}</span>
    </NavLink>
  );
}

/**
 * Sends the outbox when the connection comes back, when the app opens, and every 30 s while something waits; then
 * reads the kept cases again (one erased or moved away meanwhile leaves the device).
 */
export function FieldSync({ username, regions }: { username?: string; regions: string[] }) {
  const client = useQueryClient();
  setFieldUser(username); // before any screen below keeps a case
  useEffect(() => {
    let stopped = false;
    const run = async () => {
      if (!navigator.onLine || stopped) return;
      await unlocked(); // the device's key, while there is a connection to get it
      const result = await sync();
      if (result.sent + result.review + result.failed > 0) await client.invalidateQueries();
      if (result.interrupted) return;
      await refreshKept();
      await keepReferenceForField(regions, (await keptCases()).map((k) => k.detail.regionCode)).catch(() => undefined);
    };
    void run();
    window.addEventListener('online', run);
    const timer = window.setInterval(() => void deviceDb.outbox.where('state').equals('WAITING').count().then((n) => { if (n > 0) void run(); }), 30_000);
    return () => { stopped = true; window.removeEventListener('online', run); window.clearInterval(timer); };
  }, [client, regions.join()]); // eslint-disable-line react-hooks/exhaustive-deps
  return null;
}
