import i18n from '../../lib/i18n';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiProblem, get, isUnreachable, query, request, type Versioned } from '../../lib/api';
import {
  act, allPending, forgetKept, keepIfWanted, keptCase, keptCases, pendingFor, registerOnDevice, resolveCase, withPending, type Outcome,
} from '../field/outbox';
import { purposeFor } from './purpose';

export const STAGES = ['REGISTERED', 'ASSESSED', 'PLANNED', 'IN_INTERVENTION', 'REINTEGRATION', 'CLOSED'] as const;
export type Stage = (typeof STAGES)[number];
export const RISK_LEVELS = ['LOW', 'MEDIUM', 'HIGH', 'URGENT'] as const;
export const ABH_ROLES = ['PERPETRATOR', 'VICTIM', 'WITNESS'] as const;
export const SOURCES = ['WALK_IN', 'LAPOR_SOSIAL', 'POLICE', 'SCHOOL', 'HEALTH_FACILITY', 'VILLAGE_OFFICE', 'OUTREACH'] as const;

export interface CaseSummary {
  caseId: string;
  caseNumber: string;
  childName: string | null;
  stage: Stage;
  regionCode: string;
  clusters: string[];
  riskLevel: string;
  assignedWorker: string | null;
  registeredAt: string;
  lastChangedAt: string;
  overdue: string[];
  nextDeadline: string | null;
  nextDueAt: string | null;
}

export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  total: number;
}

export interface Child {
  name: string | null;
  nik: string | null;
  birthDate: string | null;
  estimatedAge: number | null;
  sex: string | null;
  disability: string | null;
  address: string | null;
  guardianName: string | null;
  guardianPhone: string | null;
}

export interface PlanAction {
  description: string;
  due: string | null;
  responsible: string | null;
}

export interface CaseReferral {
  referralId: string;
  providerId: string;
  status: string;
  sessions?: number;
  escalated?: boolean;
  [key: string]: unknown;
}

export interface CaseDetail {
  caseId: string;
  caseNumber: string;
  stage: Stage;
  regionCode: string;
  child: Child | null;
  clusters: string[];
  abhRole: string | null;
  riskLevel: string;
  source: string | null;
  reportId: string | null;
  consent: boolean;
  assignedWorker: string | null;
  firstContactAt: string | null;
  needs: string[] | null;
  risks: string[] | null;
  recommendedComponents: string[] | null;
  goals: string[] | null;
  actions: PlanAction[] | null;
  closureReason: string | null;
  outcome: string | null;
  followUpVisits: number;
  progressNotes: number;
  overdue: string[];
  nextDeadline: string | null;
  nextDueAt: string | null;
  referrals: CaseReferral[];
  personalDataErased: boolean;
  /** Kept for legal proceedings: no retention, no erasure until a supervisor releases it. */
  legalHold?: boolean;
  registeredAt: string;
  lastChangedAt: string;
  version: number;
  /** The child's identity, shared by every case of the same child. */
  childId?: string;
  /** The child's other cases the worker may see, and how many more there are beyond what they may see. */
  sameChild?: { cases: OtherCase[]; elsewhere: number };
}

export interface OtherCase {
  caseId: string;
  caseNumber: string;
  stage: Stage;
  regionCode: string;
  registeredAt: string;
}

export interface HistoryEntry {
  sequence: number;
  type: string;
  actor: string | null;
  at: string;
  details: Record<string, unknown>;
}

export interface CaseloadFilters {
  /** Finding a child (case-service searches keyed hashes of these): a 16-digit NIK, or a name as it sounds. */
  nik?: string;
  name?: string;
  birthYear?: number;
  stage?: string;
  cluster?: string;
  riskLevel?: string;
  overdue?: boolean;
  page?: number;
}

export const useCaseload = (filters: CaseloadFilters) =>
  useQuery({
    queryKey: ['cases', filters],
    queryFn: async ({ signal }) => {
      try {
        return await get<Page<CaseSummary>>('/api/cases' + query({ ...filters, sort: 'due', size: 20 }), signal);
      } catch (e) {
        if (!isUnreachable(e)) throw e;
        return keptCaseload(); // offline: the cases kept on this device
      }
    },
    placeholderData: keepPreviousData,
    refetchInterval: 60_000, // deadlines pass while the list is open
  });

async function keptCaseload(): Promise<Page<CaseSummary> & { offline: true }> {
  const kept = await keptCases();
  const outbox = await allPending();
  const items = kept.map((k) => {
    const d = withPending(k, outbox.filter((i) => i.caseRef === k.caseId)).data;
    return { caseId: d.caseId, caseNumber: d.caseNumber, childName: d.child?.name ?? null, stage: d.stage, regionCode: d.regionCode,
      clusters: d.clusters, riskLevel: d.riskLevel, assignedWorker: d.assignedWorker, registeredAt: d.registeredAt,
      lastChangedAt: d.lastChangedAt, overdue: d.overdue, nextDeadline: d.nextDeadline, nextDueAt: d.nextDueAt };
  });
  return { items, page: 0, size: items.length, total: items.length, offline: true };
}

/**
 * The case now, or as it stood at an instant ({@code asOf}, read-only). Without a connection: the device's copy (kept
 * for the field or the worker's own), with the actions still waiting to be sent applied; {@code offline} says so.
 */
export const useCase = (caseId: string, asOf?: string | null) =>
  useQuery({
    queryKey: ['case', caseId, asOf ?? 'now'],
    queryFn: async ({ signal }): Promise<Versioned<CaseDetail> & { offline?: boolean }> => {
      if (asOf) return request<CaseDetail>(`/api/cases/${encodeURIComponent(caseId)}` + query({ asOf }), { signal, purpose: purposeFor(caseId) });
      const resolved = await resolveCase(caseId);
      const id = resolved?.caseId ?? caseId;
      const pending = await pendingFor(id);
      if (resolved) {
        try {
          const answer = await request<CaseDetail>(`/api/cases/${encodeURIComponent(id)}`, { signal, purpose: purposeFor(id) });
          await keepIfWanted(answer.data, answer.etag);
          return pending.length ? withPending({ caseId: id, detail: answer.data, etag: answer.etag, field: false, savedAt: '' }, pending) : answer;
        } catch (e) {
          if (e instanceof ApiProblem && e.status === 404) await forgetKept(id);
          if (!isUnreachable(e)) throw e;
        }
      }
      const kept = await keptCase(id);
      if (!kept) throw new ApiProblem(0, { type: 'urn:amk:problem:field.not-kept', title: i18n.t('field.notKept.title'), detail: i18n.t('field.notKept.detail') });
      return { ...withPending(kept, pending), offline: true };
    },
  });

export const useHistory = (caseId: string) =>
  useQuery({
    queryKey: ['case', caseId, 'history'],
    queryFn: ({ signal }) => request<HistoryEntry[]>(`/api/cases/${encodeURIComponent(caseId)}/history`, { signal, purpose: purposeFor(caseId) })
      .then((r) => r.data),
  });

export const useWorkers = (region?: string | null) =>
  useQuery({
    queryKey: ['workers', region],
    queryFn: () => get<{ username: string; regions: string[] }[]>('/api/workers' + query({ region })),
    enabled: !!region,
  });

export interface Registered {
  caseId: string;
  caseNumber: string;
}

export interface LikelyDuplicate {
  caseId: string;
  caseNumber: string;
  childName: string | null;
  stage: Stage;
  regionCode: string;
  registeredAt: string;
  score: number;
  reasons: string[];
}

/**
 * The existing cases most likely of the child about to be registered. Empty when there is no connection (the case is
 * then registered on the device unchecked) or case-service cannot answer.
 */
export async function likelyDuplicates(regionCode: string, child: unknown): Promise<LikelyDuplicate[]> {
  if (!navigator.onLine) return [];
  try {
    return (await request<LikelyDuplicate[]>('/api/cases/likely-duplicates', { method: 'POST', body: { regionCode, child } })).data;
  } catch (e) {
    // the check helps; it never keeps a worker from registering a child when case-service cannot answer it
    if (isUnreachable(e) || (e instanceof ApiProblem && e.status >= 500)) return [];
    throw e;
  }
}

export function useRegisterCase() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: Record<string, unknown>): Promise<Registered & { queued: boolean }> => {
      const key = crypto.randomUUID();
      if (navigator.onLine) {
        try {
          const answer = await request<Registered>('/api/cases', { method: 'POST', body, idempotencyKey: key });
          return { ...answer.data, queued: false };
        } catch (e) {
          if (!isUnreachable(e) && !(e instanceof ApiProblem && e.status >= 500)) throw e;
        }
      }
      // no connection (or the answer was lost): registered on the device, sent with the same key when it is back
      const caseId = await registerOnDevice(body, registeredHere(body), key);
      return { caseId, caseNumber: '', queued: true };
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['cases'] }),
  });
}

/** The case as the worker entered it, until the service has registered it. */
function registeredHere(body: Record<string, unknown>): CaseDetail {
  const now = new Date().toISOString();
  return {
    caseId: '', caseNumber: '', stage: 'REGISTERED', regionCode: String(body.regionCode ?? ''),
    child: { name: null, nik: null, birthDate: null, estimatedAge: null, sex: null, disability: null, address: null, guardianName: null,
      guardianPhone: null, ...(body.child as object) },
    clusters: (body.clusters as string[]) ?? [], abhRole: (body.abhRole as string) ?? null, riskLevel: String(body.riskLevel ?? ''),
    source: (body.source as string) ?? null, reportId: null, consent: !!body.consent, assignedWorker: null, firstContactAt: null,
    needs: null, risks: null, recommendedComponents: null, goals: null, actions: null, closureReason: null, outcome: null,
    followUpVisits: 0, progressNotes: 0, overdue: [], nextDeadline: null, nextDueAt: null, referrals: [], personalDataErased: false,
    registeredAt: now, lastChangedAt: now, version: 0,
  };
}

/**
 * A step on the case, sent with the version the worker saw (If-Match). When someone changed the case meanwhile the
 * service refuses it (412): the new state is fetched and shown, and the form keeps what the worker typed.
 */
export function useCaseStep(caseId: string, current?: Versioned<CaseDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ step, body, method }: { step: string; body?: unknown; method?: 'POST' | 'DELETE' }): Promise<Outcome> => {
      if (method === 'DELETE') { // erasure, releasing a legal hold: only with a connection, never queued
        const answer = await request<CaseDetail>(`/api/cases/${encodeURIComponent(caseId)}/${step}`,
          { method, body: body ?? {}, ifMatch: current?.etag ?? null });
        return { sent: true, data: answer.data, etag: answer.etag };
      }
      const resolved = await resolveCase(caseId);
      return act(resolved?.caseId ?? caseId, step, body ?? {}, current?.etag ?? null);
    },
    onSuccess: (outcome) => {
      if (outcome.sent && outcome.data) client.setQueryData(['case', caseId, 'now'], { data: outcome.data, etag: outcome.etag });
      void client.invalidateQueries({ queryKey: ['case', caseId] });
      void client.invalidateQueries({ queryKey: ['cases'] });
      void client.invalidateQueries({ queryKey: ['coordination', caseId] });
    },
    onError: (error) => {
      if (error instanceof ApiProblem && (error.status === 412 || error.status === 409)) {
        void client.invalidateQueries({ queryKey: ['case', caseId] });
      }
    },
  });
}

export const isConflict = (error: unknown) => error instanceof ApiProblem && error.status === 412;
