import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { get, query } from './api';

/** Reference data from case-service (/api/reference): the rules' own lists, never copied into the app. */
export interface Named {
  code: string;
  nameId: string;
  nameEn: string;
  article?: string;
}
export interface Region {
  code: string;
  name: string;
}

const DAY = 24 * 60 * 60 * 1000;

export const useClusters = () => useQuery({ queryKey: ['ref', 'clusters'], queryFn: () => get<Named[]>('/api/reference/clusters'), staleTime: DAY });
export const useComponents = () =>
  useQuery({ queryKey: ['ref', 'components'], queryFn: () => get<Named[]>('/api/reference/components'), staleTime: DAY });
export const useRegions = (parent?: string | null, enabled = true) =>
  useQuery({
    queryKey: ['ref', 'regions', parent ?? ''],
    queryFn: () => get<Region[]>('/api/reference/regions' + query({ parent })),
    staleTime: DAY,
    enabled,
  });
/** A code with the regions it lies in, e.g. 32.73 -> [Jawa Barat, Kota Bandung]. */
export const useRegionPath = (code?: string | null) =>
  useQuery({
    queryKey: ['ref', 'region', code],
    queryFn: () => get<Region[]>('/api/reference/regions/' + encodeURIComponent(code!)),
    staleTime: DAY,
    enabled: !!code,
  });

/** The name in the reader's language. */
export function useNamer() {
  const { i18n } = useTranslation();
  return (item?: Named) => (item ? (i18n.language === 'en' ? item.nameEn : item.nameId) : '');
}

export function RegionName({ code }: { code?: string | null }) {
  const path = useRegionPath(code);
  if (!code) return <>—</>;
  const names = path.data?.map((r) => r.name);
  return <>{names && names.length ? names.slice().reverse().join(', ') : code}</>;
}
