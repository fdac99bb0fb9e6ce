import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, query, request } from '../../lib/api';

export const REPORT_STATUSES = ['SUBMITTED', 'FORWARDED', 'ACCEPTED', 'REJECTED'] as const;

export interface ReportLine {
  reportId: string;
  reporterType: string;
  regionCode: string;
  urgency: string;
  suspectedClusters?: string[];
  status: string;
  caseId?: string | null;
  submittedAt: string;
  /** Nobody triaged it before its deadline in this region: the region's supervisors were told. */
  triageOverdue?: boolean;
}

export interface ReportDetail extends ReportLine {
  linkedCaseId: string | null;
  updatedAt: string;
  details: { reporterName: string | null; reporterContact: string | null; description: string | null;
    child: { name: string | null; estimatedAge: number | null; sex: string | null } | null } | null;
}

export const useReports = (status: string) =>
  useQuery({ queryKey: ['reports', status], queryFn: () => get<ReportLine[]>('/api/reports' + query({ status: status || undefined, size: 50 })) });

export const useReport = (reportId: string) =>
  useQuery({ queryKey: ['report', reportId], queryFn: () => get<ReportDetail>(`/api/reports/${encodeURIComponent(reportId)}`) });

export function useTriage(reportId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => request<ReportDetail>(`/api/reports/${encodeURIComponent(reportId)}/triage`, { method: 'POST', body }).then((r) => r.data),
    onSuccess: (detail) => {
      client.setQueryData(['report', reportId], detail);
      void client.invalidateQueries({ queryKey: ['reports'] });
      void client.invalidateQueries({ queryKey: ['cases'] });
    },
  });
}
