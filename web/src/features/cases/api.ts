import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiProblem, get, query, request, type Versioned } from '../../lib/api';

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
  registeredAt: string;
  lastChangedAt: string;
  version: number;
}

export interface HistoryEntry {
  sequence: number;
  type: string;
  actor: string | null;
  at: string;
  details: Record<string, unknown>;
}

export interface CaseloadFilters {
  stage?: string;
  cluster?: string;
  riskLevel?: string;
  overdue?: boolean;
  page?: number;
}

export const useCaseload = (filters: CaseloadFilters) =>
  useQuery({
    queryKey: ['cases', filters],
    queryFn: ({ signal }) => get<Page<CaseSummary>>('/api/cases' + query({ ...filters, sort: 'due', size: 20 }), signal),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000, // deadlines pass while the list is open
  });

/** The case now, or as it stood at an instant ({@code asOf}, read-only). */
export const useCase = (caseId: string, asOf?: string | null) =>
  useQuery({
    queryKey: ['case', caseId, asOf ?? 'now'],
    queryFn: ({ signal }) => request<CaseDetail>(`/api/cases/${encodeURIComponent(caseId)}` + query({ asOf }), { signal }),
  });

export const useHistory = (caseId: string) =>
  useQuery({ queryKey: ['case', caseId, 'history'], queryFn: ({ signal }) => get<HistoryEntry[]>(`/api/cases/${encodeURIComponent(caseId)}/history`, signal) });

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

export function useRegisterCase() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => request<Registered>('/api/cases', { method: 'POST', body }).then((r) => r.data),
    onSuccess: () => client.invalidateQueries({ queryKey: ['cases'] }),
  });
}

/**
 * A step on the case, sent with the version the worker saw (If-Match). When someone changed the case meanwhile the
 * service refuses it (412): the new state is fetched and shown, and the form keeps what the worker typed.
 */
export function useCaseStep(caseId: string, current?: Versioned<CaseDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ step, body, method }: { step: string; body?: unknown; method?: 'POST' | 'DELETE' }) =>
      request<CaseDetail>(`/api/cases/${encodeURIComponent(caseId)}/${step}`, {
        method: method ?? 'POST',
        body: body ?? {},
        ifMatch: method === 'DELETE' ? undefined : current?.etag,
      }),
    onSuccess: (answer) => {
      if (answer.data) client.setQueryData(['case', caseId, 'now'], answer);
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
