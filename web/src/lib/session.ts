import { useQuery } from '@tanstack/react-query';
import { get, isUnreachable } from './api';

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

const KEPT = 'amk.session';

/**
 * Who is signed in. Without a connection, who was signed in on this device (names, roles and regions only — never a
 * token), so a worker in the field keeps working; {@code offline} says so. Forgotten at sign-out.
 */
export function useSession() {
  return useQuery({
    queryKey: ['session'],
    queryFn: async (): Promise<Session & { offline?: boolean }> => {
      try {
        const s = await get<Session>('/bff/session');
        const session = { ...s, roles: s.roles ?? [], regions: s.regions ?? [] };
        if (session.authenticated) localStorage.setItem(KEPT, JSON.stringify(session));
        else localStorage.removeItem(KEPT);
        return session;
      } catch (e) {
        const kept = localStorage.getItem(KEPT);
        if (!isUnreachable(e) || !kept) throw e;
        return { ...(JSON.parse(kept) as Session), offline: true };
      }
    },
    staleTime: 60_000,
  });
}

export const forgetSession = () => localStorage.removeItem(KEPT);

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
