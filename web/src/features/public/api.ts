import { useMutation } from '@tanstack/react-query';
import { request } from '../../lib/api';

/** Lapor Sosial for anyone: no account, no session token (the gateway routes /api/public without one). */
export interface PublicReport {
  whatHappened: string;
  regionCode: string;
  placeDetail?: string;
  child?: { name?: string; estimatedAge?: number; sex?: 'M' | 'F' };
  inDangerNow: boolean;
  anonymous: boolean;
  reporterType: string;
  reporterName?: string;
  reporterContact?: string;
}

export interface Received {
  trackingCode: string;
  status: string;
  statusText: string;
}

export interface Tracking {
  status: 'SUBMITTED' | 'FORWARDED' | 'ACCEPTED' | 'REJECTED';
  statusText: string;
  updatedAt: string;
}

export const useSendReport = () =>
  useMutation({
    mutationFn: (report: PublicReport) => request<Received>('/api/public/reports', { method: 'POST', body: report }).then((r) => r.data),
  });

export const useTrack = () =>
  useMutation({
    mutationFn: (trackingCode: string) =>
      request<Tracking>('/api/public/reports/tracking', { method: 'POST', body: { trackingCode } }).then((r) => r.data),
  });
