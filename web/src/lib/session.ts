import { useQuery } from '@tanstack/react-query';
import { get } from './api';

/** Who is signed in, as the gateway's session says (never a token: those stay at the gateway). */
export interface Session {
  authenticated: boolean;
  signIn: string;
  signOut: string;
  username?: string;
  name?: string;
  roles: string[];
  regions: string[];
  agency?: string | null;
}

export function useSession() {
  return useQuery({
    queryKey: ['session'],
    queryFn: async () => {
      const s = await get<Session>('/bff/session');
      return { ...s, roles: s.roles ?? [], regions: s.regions ?? [] };
    },
    staleTime: 60_000,
  });
}

export const isWorker = (s?: Session) => !!s?.roles.includes('PEKSOS');
export const isSupervisor = (s?: Session) => !!s?.roles.includes('SUPERVISOR');
/** The app's screens are for those who handle cases; others are told where their work lives. */
export const handlesCases = (s?: Session) => isWorker(s) || isSupervisor(s);

/** A provider agency's users: referrals and coordination addressed to their agency. */
export const isPartner = (s?: Session) => !!s?.roles.includes('PARTNER');

export const isAdmin = (s?: Session) => !!s?.roles.includes('ADMIN');

/** Who sees the monitoring dashboards: the ministry's analysts (national), supervisors (their province), admins. */
export const monitors = (s?: Session) => !!s && ['MINISTRY_ANALYST', 'SUPERVISOR', 'ADMIN'].some((r) => s.roles.includes(r));

/** The CSRF token the gateway set as a cookie, for the sign-out form. */
export function csrfCookie(): string {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : '';
}
