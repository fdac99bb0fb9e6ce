import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, request } from '../../lib/api';

export type Kind = 'CASE_ASSIGNED' | 'DEADLINE_SOON' | 'DEADLINE_MISSED' | 'REPORT_NEW' | 'REPORT_TRIAGE_OVERDUE' | 'REFERRAL_NEW' | 'REFERRAL_ANSWERED'
  | 'REFERRAL_ESCALATED' | 'THREAD_MESSAGE';

/** A notification: what happened and the ids to open, never a child's name. */
export interface Item {
  id: string;
  kind: Kind;
  caseId: string | null;
  caseNumber: string | null;
  reportId: string | null;
  referralId: string | null;
  status: string | null;
  at: string;
  read: boolean;
}

/** The badge: asked again every minute and whenever the app comes back to the front. */
export const useUnread = () =>
  useQuery({ queryKey: ['notifications', 'unread'], queryFn: () => get<{ unread: number }>('/api/notifications/unread'), refetchInterval: 60_000 });

export const useInbox = () => useQuery({ queryKey: ['notifications', 'inbox'], queryFn: () => get<{ unread: number; items: Item[] }>('/api/notifications') });

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string | null) => request<void>(id ? `/api/notifications/${encodeURIComponent(id)}/read` : '/api/notifications/read', { method: 'POST' }),
    onSettled: () => client.invalidateQueries({ queryKey: ['notifications'] }),
  });
}
