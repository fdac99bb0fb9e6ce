// What the app keeps on the device for field work, in IndexedDB (Dexie). Children's data in it — the cases kept for the
// field and the actions waiting to be sent — are sealed with AES-GCM under the signed-in person's key, which the gateway
// derives for their session (GET /bff/device-key): a copied browser profile holds ciphertext only. The key lives in
// memory and, for reloads without a connection, in the tab's session storage; closed browser, key gone until the next
// sign-in with a connection (what waits stays and is sent then).
import Dexie, { type Table } from 'dexie';
import { ApiProblem, get, isUnreachable } from './api';
import i18n from './i18n';

/** AES-GCM ciphertext with its nonce. */
export interface Sealed {
  iv: Uint8Array;
  data: ArrayBuffer;
}

export interface StoredItem {
  seq?: number;
  key: string;
  caseRef: string;
  step: string | null;
  ifMatch: string | null;
  state: 'WAITING' | 'FAILED' | 'REVIEW';
  problem?: { status: number; code: string; title: string; detail?: string };
  createdAt: string;
  /** Whose action it is: only they can open it (their key) and send it. */
  owner: string;
  /** The body of the action, sealed. */
  body: Sealed;
}

export interface StoredCase {
  caseId: string;
  etag: string | null;
  field: boolean;
  savedAt: string;
  owner: string;
  /** The case as last read, sealed. */
  detail: Sealed;
}

class DeviceDb extends Dexie {
  outbox!: Table<StoredItem, number>;
  cases!: Table<StoredCase, string>;
  /** Reference data (regions, clusters, components), public, for registering a case without a connection. */
  reference!: Table<{ path: string; data: unknown; savedAt: string }, string>;
  /** Cases registered on the device: their local id, and the real one once the service has it. */
  ids!: Table<{ localId: string; caseId: string; caseNumber: string }, string>;

  constructor() {
    super('amk-field');
    this.version(1).stores({ outbox: '++seq, caseRef, state', cases: 'caseId', reference: 'path', ids: 'localId' });
  }
}

export const deviceDb = new DeviceDb();

const KEPT_KEY = 'amk.device-key';
let deviceKey: Promise<CryptoKey> | null = null;

const importKey = (raw: string) => {
  const bytes = Uint8Array.from(atob(raw.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
  return crypto.subtle.importKey('raw', bytes, 'AES-GCM', false, ['encrypt', 'decrypt']);
};

/** The device is locked: no key (the browser was closed and there is no connection to get it again). */
export class DeviceLocked extends ApiProblem {
  constructor() {
    super(0, { type: 'urn:amk:problem:field.locked', title: i18n.t('field.locked.title'), detail: i18n.t('field.locked.detail') });
  }
}

/** The signed-in person's key: from the gateway, or kept in this tab when there is no connection. */
function currentKey(): Promise<CryptoKey> {
  if (!deviceKey) {
    deviceKey = get<{ key: string }>('/bff/device-key')
      .then(({ key }) => { sessionStorage.setItem(KEPT_KEY, key); return importKey(key); })
      .catch((e) => {
        const kept = sessionStorage.getItem(KEPT_KEY);
        if (isUnreachable(e) && kept) return importKey(kept);
        throw isUnreachable(e) ? new DeviceLocked() : e;
      });
    deviceKey.catch(() => { deviceKey = null; }); // asked again next time
  }
  return deviceKey;
}

export async function seal(value: unknown): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await currentKey(), new TextEncoder().encode(JSON.stringify(value ?? null)));
  return { iv, data };
}

export async function unseal<T>(sealed: Sealed): Promise<T> {
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv as BufferSource }, await currentKey(), sealed.data);
  return JSON.parse(new TextDecoder().decode(plain)) as T;
}

/** Whether the device can open what it keeps (asks the gateway once). */
export const unlocked = () => currentKey().then(() => true, () => false);

/** At sign-out: everything the device kept, and its key. */
export async function forgetDevice() {
  await Promise.all([deviceDb.outbox.clear(), deviceDb.cases.clear(), deviceDb.ids.clear(), deviceDb.reference.clear()]);
  sessionStorage.removeItem(KEPT_KEY);
  deviceKey = null;
}
