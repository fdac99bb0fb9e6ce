// The one way the app talks to AMK: same-origin calls to the gateway (its session cookie authenticates them),
// the CSRF token echoed on writes, the reader's language, versions as ETag/If-Match, errors as problem+json.
import i18n from './i18n';

/** An RFC 9457 problem from the gateway or a service, already in the reader's language. */
export class ApiProblem extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail?: string;
  readonly field?: string;
  readonly correlationId?: string;
  /** Extension members of the problem (e.g. an import's {@code errors}). */
  readonly body: Record<string, unknown>;

  constructor(status: number, body: Record<string, unknown>) {
    super(String(body.detail ?? body.title ?? status));
    this.status = status;
    this.body = body;
    this.type = String(body.type ?? 'about:blank');
    this.title = String(body.title ?? '');
    this.detail = body.detail === undefined ? undefined : String(body.detail);
    this.field = body.field === undefined ? undefined : String(body.field);
    this.correlationId = body.correlationId === undefined ? undefined : String(body.correlationId);
  }

  /** The problem's code, e.g. "case.stage-order" from urn:amk:problem:case.stage-order. */
  get code(): string {
    return this.type.replace('urn:amk:problem:', '');
  }
}

/** Whether a failure means the gateway could not be reached (offline, or the connection dropped). */
export const isUnreachable = (e: unknown) => e instanceof ApiProblem && e.status === 0;

/** A body with the version it was read at (the ETag), to send back as If-Match. */
export interface Versioned<T> {
  data: T;
  etag: string | null;
}

function csrfToken(): string | null {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : null;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  /** A body sent as it is, with its own type (a CSV file), instead of {@code body} as JSON. */
  raw?: { content: string; type: string };
  ifMatch?: string | null;
  /** The action's own key (a UUID made when the action was): sent again after a lost answer, it acts only once. */
  idempotencyKey?: string;
  /** Why the reader opens the data (kept in the service's access audit); sent percent-encoded, a header is Latin-1 only. */
  purpose?: string | null;
  signal?: AbortSignal;
}

let onSessionEnded: () => void = () => {};
/** What to do when the gateway says the session is over (the app shows the sign-in screen). */
export function whenSessionEnds(handler: () => void) {
  onSessionEnded = handler;
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<Versioned<T>> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', 'Accept-Language': i18n.language };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.raw) headers['Content-Type'] = options.raw.type;
  if (options.ifMatch) headers['If-Match'] = options.ifMatch;
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  if (options.purpose) headers['X-Purpose'] = encodeURIComponent(options.purpose);
  if (method !== 'GET') {
    const token = csrfToken();
    if (token) headers['X-XSRF-TOKEN'] = token;
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.raw ? options.raw.content : options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiProblem(0, { type: 'urn:amk:problem:offline', title: i18n.t('problem.offline.title'), detail: i18n.t('problem.offline.detail') });
  }
  const text = await response.text();
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }
  if (!response.ok) {
    if (response.status === 401) onSessionEnded();
    const problem = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
    if (!problem.title) {
      // never a server's raw page: a problem of our own in the reader's language
      problem.type = `urn:amk:problem:http-${response.status}`;
      problem.title = i18n.t('problem.generic.title');
      problem.detail = i18n.t('problem.generic.detail', { status: response.status });
    }
    throw new ApiProblem(response.status, problem);
  }
  return { data: body as T, etag: response.headers.get('ETag') };
}

export const get = <T>(path: string, signal?: AbortSignal) => request<T>(path, { signal }).then((r) => r.data);

/** Query string from the set values only. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '');
  return entries.length ? '?' + new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString() : '';
}
