import { useQuery } from '@tanstack/react-query';
import { get, query } from '../../lib/api';

export interface RegionRow { region: string; total: number; children: number; open: number; closed: number; deadlineBreaches: number; onTimeShare: number | null }

export interface CaseFigures {
  region: string;
  month: string | null;
  total: number;
  /** Distinct children of those cases (a child with two cases counts once). */
  children: number;
  open: number;
  closed: number;
  deadlineBreaches: number;
  onTimeShare: number | null;
  byCluster: Record<string, number>;
  byStage: Record<string, number>;
  byRisk: Record<string, number>;
  byMonth: Record<string, number>;
  byMonthStage: Record<string, Record<string, number>>;
  drillDown: RegionRow[];
}

export interface ReferralFigures {
  region: string;
  total: number;
  escalated: number;
  byStatus: Record<string, number>;
  byOutcome: Record<string, number>;
  byProvider: Record<string, number>;
}

export interface WorkerRow {
  worker: string;
  name: string;
  cases: number;
  caseload: number;
  medianHoursToFirstContact: number | null;
  medianHoursToAssessment: number | null;
  onTimeShare: number | null;
  closures: number;
}

const params = (region: string | null, month: string) => query({ region, month: month || undefined });

export const useCaseFigures = (region: string | null, month: string) =>
  useQuery({ queryKey: ['dash', 'cases', region, month], queryFn: () => get<CaseFigures>('/api/dashboards/cases' + params(region, month)) });
export const useReferralFigures = (region: string | null, month: string) =>
  useQuery({ queryKey: ['dash', 'referrals', region, month], queryFn: () => get<ReferralFigures>('/api/dashboards/referrals' + params(region, month)) });
export const useWorkerFigures = (region: string | null, month: string) =>
  useQuery({ queryKey: ['dash', 'workers', region, month], queryFn: () => get<WorkerRow[]>('/api/dashboards/workers' + params(region, month)) });
