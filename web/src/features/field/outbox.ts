// Field mode: what the worker does without a connection is kept on the device as commands — each with its own
// Idempotency-Key and the version (If-Match) it was made on — and sent in order when the connection is back. A reply
// lost on the way is sent again with the same key (the service acts once); a version that moved on (412) is never
// re-sent blindly: it waits in "needs review" until the worker re-applies, changes or drops it.
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';
import { ApiProblem, isUnreachable, request } from '../../lib/api';
import { DeviceLocked, deviceDb, seal, unseal, type StoredCase, type StoredItem } from '../../lib/device';
import type { CaseDetail } from '../cases/api';
import { purposeFor } from '../cases/purpose';

export type ItemState = StoredItem['state'];

/** An action as the screens see it: the stored one, opened with the worker's key. */
export interface OutboxItem extends Omit<StoredItem, 'body' | 'owner'> {
  /** The Idempotency-Key ({@code key}) is made once with the action and sent with every attempt; {@code caseRef} is the
   * case's id or a "local-…" id for a case registered on this device and not yet sent; {@code step} the step's path
   * under the case ("notes", "first-contact", …), null for the registration itself; {@code ifMatch} the version the
   * worker saw when making it. */
  body: unknown;
}

/** A case kept on the device: for the field, or because it is the worker's own. */
export interface KeptCase extends Omit<StoredCase, 'detail' | 'owner'> {
  detail: CaseDetail;
}

let fieldUser = '';
/** Who is signed in on this device: their own cases are kept for the field, their actions sent. */
export const setFieldUser = (username?: string) => { fieldUser = username ?? ''; };

const openItem = async ({ owner: _, body, ...rest }: StoredItem): Promise<OutboxItem> => ({ ...rest, body: await unseal(body) });
const openCase = async ({ owner: _, detail, ...rest }: StoredCase): Promise<KeptCase> => ({ ...rest, detail: await unseal<CaseDetail>(detail) });

/** Opens what it can: another person's actions or cases (a browser closed without signing out) stay shut. */
async function openAll<S, T>(rows: S[], open: (row: S) => Promise<T>): Promise<T[]> {
  const opened = await Promise.all(rows.map((r) => open(r).catch(() => null)));
  return opened.filter((o): o is Awaited<T> => o !== null) as T[];
}

async function storeCase(kept: KeptCase) {
  await deviceDb.cases.put({ ...kept, owner: fieldUser, detail: await seal(kept.detail) });
}

async function storeItem(item: OutboxItem) {
  const { seq: _, ...rest } = item;
  return deviceDb.outbox.add({ ...rest, owner: fieldUser, body: await seal(item.body) });
}

/** A kept case, opened; null when none (or not this worker's). */
export async function keptCase(caseId: string): Promise<KeptCase | null> {
  const row = await deviceDb.cases.get(caseId);
  return row ? openCase(row).catch(() => { throw new DeviceLocked(); }) : null;
}

export const keptCases = async () => openAll(await deviceDb.cases.toArray(), openCase);

/** The actions on a case still on the device, oldest first. */
export const pendingFor = async (caseRef: string) => openAll(await deviceDb.outbox.where('caseRef').equals(caseRef).sortBy('seq'), openItem);

export const allPending = async () => openAll(await deviceDb.outbox.orderBy('seq').toArray(), openItem);

export const forgetKept = (caseId: string) => deviceDb.cases.delete(caseId);

/** Keeps the case on the device when it is marked for the field or is the worker's own; forgets one no longer theirs. */
export async function keepIfWanted(detail: CaseDetail, etag: string | null) {
  if (detail.personalDataErased) { // erased: nothing of the child stays anywhere, this device included
    await deviceDb.cases.delete(detail.caseId);
    return;
  }
  const kept = await deviceDb.cases.get(detail.caseId);
  const own = !!fieldUser && detail.assignedWorker === fieldUser;
  if (own || kept?.field) {
    // a locked device (no key) keeps nothing new; reading the case goes on
    await storeCase({ caseId: detail.caseId, detail, etag, field: kept?.field ?? false, savedAt: new Date().toISOString() }).catch(() => undefined);
  } else if (kept) {
    await deviceDb.cases.delete(detail.caseId); // transferred or reassigned away
  }
}

/** Marks a case for the field (kept on the device) or lets it go. */
export async function markForField(detail: CaseDetail, etag: string | null, field: boolean) {
  if (field) {
    await storeCase({ caseId: detail.caseId, detail, etag, field: true, savedAt: new Date().toISOString() });
  } else {
    await deviceDb.cases.delete(detail.caseId);
    await keepIfWanted(detail, etag);
  }
}

export const isLocal = (caseRef: string) => caseRef.startsWith('local-');

/** The real id of a case registered on this device, once the service has it. */
export async function resolveCase(caseRef: string): Promise<{ caseId: string; caseNumber?: string } | null> {
  if (!isLocal(caseRef)) return { caseId: caseRef };
  const known = await deviceDb.ids.get(caseRef);
  return known ? { caseId: known.caseId, caseNumber: known.caseNumber } : null;
}

async function post(item: OutboxItem, caseId: string | null) {
  const path = item.step === null ? '/api/cases' : `/api/cases/${encodeURIComponent(caseId!)}/${item.step}`;
  return request<CaseDetail & { caseNumber: string; caseId: string }>(path, {
    method: 'POST', body: item.body ?? {}, ifMatch: item.ifMatch, idempotencyKey: item.key,
  });
}

/** After an answer: the device's copy of the case follows the service. */
async function remember(item: OutboxItem, answer: { data: CaseDetail & { caseId: string; caseNumber: string }; etag: string | null }) {
  if (item.step === null) {
    const local = await keptCase(item.caseRef);
    // sealed before the transaction: IndexedDB transactions end when they wait for anything else
    const moved = local && { ...local, caseId: answer.data.caseId, etag: answer.etag, owner: fieldUser,
      detail: await seal({ ...local.detail, caseId: answer.data.caseId, caseNumber: answer.data.caseNumber }) };
    await deviceDb.transaction('rw', deviceDb.ids, deviceDb.cases, deviceDb.outbox, async () => {
      await deviceDb.ids.put({ localId: item.caseRef, caseId: answer.data.caseId, caseNumber: answer.data.caseNumber });
      if (moved) {
        await deviceDb.cases.delete(item.caseRef);
        await deviceDb.cases.put(moved);
      }
      await deviceDb.outbox.where('caseRef').equals(item.caseRef).modify({ caseRef: answer.data.caseId });
    });
  } else if (answer.data && (await deviceDb.cases.get(answer.data.caseId))) {
    await deviceDb.cases.update(answer.data.caseId, { detail: await seal(answer.data), etag: answer.etag, savedAt: new Date().toISOString() });
  }
}

const transient = (e: unknown) => isUnreachable(e) || (e instanceof ApiProblem && (e.status >= 500 || e.status === 429 || e.code === 'idempotency.in-progress'));

function problemOf(e: unknown): OutboxItem['problem'] {
  return e instanceof ApiProblem ? { status: e.status, code: e.code, title: e.title, detail: e.detail } : { status: 0, code: 'unknown', title: String(e) };
}

export type Outcome =
  | { sent: true; data: CaseDetail & { caseId: string; caseNumber: string }; etag: string | null }
  | { sent: false; caseRef: string };

/**
 * One action of the worker on a case (or a registration, step null). With a connection and nothing of the case still
 * waiting, it is sent at once (with its key); a refusal is thrown as it is. Without one — or when the answer is lost —
 * it goes into the outbox with the same key, to be sent by {@link sync}.
 */
export async function act(caseRef: string, step: string | null, body: unknown, ifMatch: string | null): Promise<Outcome> {
  const item: OutboxItem = { key: crypto.randomUUID(), caseRef, step, body, ifMatch, state: 'WAITING', createdAt: new Date().toISOString() };
  const queuedBefore = await deviceDb.outbox.where('caseRef').equals(caseRef).count();
  if (navigator.onLine && queuedBefore === 0 && !isLocal(caseRef)) {
    try {
      const answer = await post(item, caseRef);
      await remember(item, answer);
      return { sent: true, data: answer.data, etag: answer.etag };
    } catch (e) {
      if (!transient(e)) throw e;
    }
  }
  await storeItem(item);
  return { sent: false, caseRef };
}

/** A registration made on the device: a local id, the case kept as the worker entered it, the command in the outbox. */
export async function registerOnDevice(body: Record<string, unknown>, detail: CaseDetail, key: string = crypto.randomUUID()): Promise<string> {
  const localId = `local-${crypto.randomUUID()}`;
  const now = new Date().toISOString();
  const kept: StoredCase = { caseId: localId, detail: await seal({ ...detail, caseId: localId }), etag: '"0"', field: true, savedAt: now, owner: fieldUser };
  const item: StoredItem = { key, caseRef: localId, step: null, body: await seal(body), ifMatch: null, state: 'WAITING', createdAt: now, owner: fieldUser };
  await deviceDb.transaction('rw', deviceDb.cases, deviceDb.outbox, async () => {
    await deviceDb.cases.put(kept);
    await deviceDb.outbox.add(item);
  });
  return localId;
}

let running: Promise<SyncResult> | null = null;

export interface SyncResult {
  sent: number;
  review: number;
  failed: number;
  /** The connection (or the service) was not there: the rest waits. */
  interrupted: boolean;
}

/** Sends what waits, oldest first; one sync at a time (in this tab, and across tabs where the browser has Web Locks). */
export function sync(): Promise<SyncResult> {
  if (!running) {
    const run = (): Promise<SyncResult> => drain();
    const started: Promise<SyncResult> = navigator.locks ? (navigator.locks.request('amk-field-sync', run) as unknown as Promise<SyncResult>) : run();
    running = started.finally(() => { running = null; });
  }
  return running;
}

async function drain(): Promise<SyncResult> {
  const result: SyncResult = { sent: 0, review: 0, failed: 0, interrupted: false };
  for (;;) {
    const row = (await deviceDb.outbox.where('state').equals('WAITING').sortBy('seq')).find((i) => i.owner === fieldUser);
    if (!row) return result;
    const item = await openItem(row).catch(() => null);
    if (!item) { // the device is locked (no key yet): the rest waits
      result.interrupted = true;
      return result;
    }
    const target = item.step === null ? { caseId: '' } : await resolveCase(item.caseRef);
    if (!target) { // its case was never registered (that failed): nothing to apply it to
      await deviceDb.outbox.update(item.seq!, { state: 'FAILED', problem: { status: 0, code: 'field.case-not-registered', title: '' } });
      result.failed++;
      continue;
    }
    try {
      const answer = await post(item, target.caseId);
      await remember(item, answer);
      await deviceDb.outbox.delete(item.seq!);
      result.sent++;
    } catch (e) {
      if (transient(e)) {
        result.interrupted = true;
        return result;
      }
      const stale = e instanceof ApiProblem && e.status === 412;
      await deviceDb.outbox.update(item.seq!, { state: stale ? 'REVIEW' : 'FAILED', problem: problemOf(e) });
      if (stale) result.review++; else result.failed++;
    }
  }
}

/** The worker's decision on an item in review: send it on the case as it is now (a new action: a new key), or drop it. */
export async function reapply(item: OutboxItem, currentEtag: string | null, body?: unknown) {
  await deviceDb.outbox.update(item.seq!, { state: 'WAITING', ifMatch: currentEtag, key: crypto.randomUUID(),
    body: await seal(body ?? item.body), problem: undefined });
  return sync();
}

export const drop = (item: OutboxItem) => deviceDb.outbox.delete(item.seq!);

/** A live view of the outbox for the screens. */
export function useOutbox(): OutboxItem[] {
  return useLive(() => deviceDb.outbox.orderBy('seq').toArray(), openItem);
}

/** A live view of the cases kept on the device. */
export function useKeptCases(): KeptCase[] {
  return useLive(() => deviceDb.cases.toArray(), openCase);
}

/** Rows read live (Dexie's liveQuery: the querier touches IndexedDB only), opened with the key afterwards. */
function useLive<S, T>(read: () => Promise<S[]>, open: (row: S) => Promise<T>): T[] {
  const [items, setItems] = useState<T[]>([]);
  useEffect(() => {
    let latest = 0;
    const subscription = liveQuery(read).subscribe({
      next: (rows) => {
        const mine = ++latest;
        void openAll(rows, open).then((opened) => { if (mine === latest) setItems(opened); });
      },
      error: () => setItems([]),
    });
    return () => subscription.unsubscribe();
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  return items;
}

export function useOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => { window.removeEventListener('online', on); window.removeEventListener('offline', off); };
  }, []);
  return online;
}

/** The device's copy of a case with the actions still waiting applied, as the worker expects to see it. */
export function withPending(kept: KeptCase, items: OutboxItem[]): { data: CaseDetail; etag: string | null } {
  let detail = { ...kept.detail };
  let version = kept.etag ? Number(kept.etag.replace(/\D/g, '')) : detail.version;
  for (const item of items) {
    if (item.step === null || item.state !== 'WAITING') continue;
    version += 1;
    const body = (item.body ?? {}) as Record<string, unknown>;
    const stage = STAGE_AFTER[item.step];
    detail = { ...detail, version, ...(stage ? { stage } : {}) };
    switch (item.step) {
      case 'first-contact': detail.firstContactAt = String(body.contactedAt ?? new Date().toISOString()); break;
      case 'assessment': Object.assign(detail, pick(body, ['needs', 'risks', 'recommendedComponents', 'riskLevel'])); break;
      case 'plan': Object.assign(detail, pick(body, ['goals', 'actions'])); break;
      case 'closure': detail.closureReason = String(body.reason ?? ''); detail.outcome = String(body.outcome ?? ''); break;
      case 'follow-up-visits': detail.followUpVisits += 1; break;
      case 'notes': detail.progressNotes += 1; break;
      case 'child': {
        const { abhRole, ...child } = body as Record<string, unknown>;
        detail.child = { ...(detail.child ?? {}), ...child } as CaseDetail['child'];
        if (abhRole) detail.abhRole = String(abhRole);
        break;
      }
    }
  }
  return { data: detail, etag: `"${version}"` };
}

const STAGE_AFTER: Record<string, CaseDetail['stage']> = {
  assessment: 'ASSESSED', plan: 'PLANNED', intervention: 'IN_INTERVENTION', reintegration: 'REINTEGRATION', closure: 'CLOSED', reopening: 'REGISTERED',
};

function pick(body: Record<string, unknown>, names: string[]) {
  return Object.fromEntries(names.filter((n) => body[n] !== undefined).map((n) => [n, body[n]]));
}

/** After a sync: every kept case is read again; one erased, transferred or reassigned away meanwhile leaves the device. */
export async function refreshKept() {
  for (const kept of await deviceDb.cases.toArray()) { // ids only: nothing to open
    if (isLocal(kept.caseId)) continue;
    try {
      const answer = await request<CaseDetail>(`/api/cases/${encodeURIComponent(kept.caseId)}`, { purpose: purposeFor(kept.caseId) });
      await keepIfWanted(answer.data, answer.etag);
    } catch (e) {
      if (isUnreachable(e)) return;
      if (e instanceof ApiProblem && e.status === 404) await deviceDb.cases.delete(kept.caseId);
    }
  }
}
