import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { get, isUnreachable, query } from './api';
import { deviceDb } from './device';

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

/** Reference data read through the device: kept on each read, answered from the device without a connection. */
async function kept<T>(path: string): Promise<T> {
  try {
    const data = await get<T>(path);
    void deviceDb.reference.put({ path, data, savedAt: new Date().toISOString() }).catch(() => undefined);
    return data;
  } catch (e) {
    const copy = isUnreachable(e) ? await deviceDb.reference.get(path) : undefined;
    if (copy) return copy.data as T;
    throw e;
  }
}

/**
 * For field work: the lists a registration needs (clusters, components, the worker's provinces, regencies and
 * districts, the regions of the cases kept), read once a day while there is a connection.
 */
export async function keepReferenceForField(regions: string[], caseRegions: string[]) {
  const fresh = async (path: string) => {
    const copy = await deviceDb.reference.get(path);
    return !!copy && Date.now() - Date.parse(copy.savedAt) < DAY;
  };
  const keep = async <T,>(path: string): Promise<T | undefined> => {
    if (await fresh(path)) return (await deviceDb.reference.get(path))!.data as T;
    return kept<T>(path);
  };
  await keep('/api/reference/clusters');
  await keep('/api/reference/components');
  await keep('/api/reference/regions');
  for (const code of new Set([...regions, ...caseRegions])) await keep('/api/reference/regions/' + encodeURIComponent(code));
  for (const code of new Set(regions)) {
    const province = code.split('.')[0];
    const regencies = (await keep<Region[]>('/api/reference/regions' + query({ parent: province }))) ?? [];
    const districtsOf = code.includes('.') ? [code.split('.').slice(0, 2).join('.')] : regencies.map((r) => r.code);
    for (const regency of districtsOf) await keep('/api/reference/regions' + query({ parent: regency }));
  }
}

export const useClusters = () => useQuery({ queryKey: ['ref', 'clusters'], queryFn: () => kept<Named[]>('/api/reference/clusters'), staleTime: DAY });
export const useComponents = () =>
  useQuery({ queryKey: ['ref', 'components'], queryFn: () => kept<Named[]>('/api/reference/components'), staleTime: DAY });
export const useRegions = (parent?: string | null, enabled = true) =>
  useQuery({
    queryKey: ['ref', 'regions', parent ?? ''],
    queryFn: () => kept<Region[]>('/api/reference/regions' + query({ parent })),
    staleTime: DAY,
    enabled,
  });
/** A code with the regions it lies in, e.g. 32.73 -> [Jawa Barat, Kota Bandung]. */
export const useRegionPath = (code?: string | null) =>
  useQuery({
    queryKey: ['ref', 'region', code],
    queryFn: () => kept<Region[]>('/api/reference/regions/' + encodeURIComponent(code!)),
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
