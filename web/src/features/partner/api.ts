import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, query, request } from '../../lib/api';

/** A referral as the provider's users see it: the service asked for and its deadlines; the child stays with the worker. */
export interface Referral {
  referralId: string;
  caseId: string;
  regionCode: string;
  providerId: string;
  components: string[];
  urgent: boolean;
  status: 'REQUESTED' | 'ACCEPTED' | 'DECLINED' | 'IN_SERVICE' | 'COMPLETED' | 'CANCELLED';
  requestedAt: string;
  respondBy: string;
  escalated: boolean;
  sessions: number;
  overdue?: boolean;
  version?: number;
}

export const useReferrals = (status: string) =>
  useQuery({
    queryKey: ['referrals', status],
    queryFn: () => get<{ items: Referral[]; total: number }>('/api/referrals' + query({ status: status || undefined, size: 50 })),
  });

export const useReferral = (id: string) =>
  useQuery({ queryKey: ['referral', id], queryFn: () => request<Referral>(`/api/referrals/${encodeURIComponent(id)}`) });

/** Accept, decline, record a session, complete: each against the version read (If-Match), the answer replaces the screen's. */
export function useReferralAction(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body, etag }: { action: 'acceptance' | 'decline' | 'sessions' | 'completion'; body: unknown; etag: string | null }) =>
      request<Referral>(`/api/referrals/${encodeURIComponent(id)}/${action}`, { method: 'POST', body, ifMatch: etag }),
    onSuccess: (answer) => {
      client.setQueryData(['referral', id], answer);
      void client.invalidateQueries({ queryKey: ['referrals'] });
      void client.invalidateQueries({ queryKey: ['coordination'] });
    },
  });
}
