import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiProblem, get, query, request } from '../../lib/api';

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

/** What the provider needs to take the child in: from case-service, only while the referral is open and consent stands. */
export interface Intake {
  caseNumber: string;
  consent: 'CHILD' | 'GUARDIAN' | 'CHILD_AND_GUARDIAN' | 'EMERGENCY_OVERRIDE';
  child: { name: string; age: number | null; ageEstimated: boolean; sex: 'M' | 'F' | null };
  guardian: { name: string | null; phone: string | null };
  worker: { username: string; name: string | null; email: string | null; phone: string | null } | null;
}

/**
 * The child's minimum details. case-service learns of a new referral from its event a moment after referral-service
 * records it, so a 404 is tried again for a while; a 403 (no longer shared) or 410 (erased) is final. Never kept.
 */
export const useIntake = (referral: Referral | undefined, open: boolean) =>
  useQuery({
    queryKey: ['intake', referral?.referralId],
    enabled: !!referral && open,
    gcTime: 0,
    staleTime: 0,
    retry: (count, error) => error instanceof ApiProblem && error.status === 404 && count < 8,
    retryDelay: 1500,
    queryFn: () => get<Intake>(`/api/cases/${encodeURIComponent(referral!.caseId)}/referrals/${encodeURIComponent(referral!.referralId)}/intake`),
  });

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
