import { useTranslation } from 'react-i18next';
import { useRegions } from '../lib/reference';

/**
 * Province -> regency/city -> district from the reference data (names, not only codes). The value is the most
 * precise code chosen; a case needs at least its regency.
 */
export function RegionPicker({ value, onChange, error, idPrefix }: { value: string; onChange: (code: string) => void; error?: string; idPrefix: string }) {
  const { t } = useTranslation();
  const parts = value ? value.split('.') : [];
  const province = parts[0] ?? '';
  const regency = parts.length >= 2 ? parts.slice(0, 2).join('.') : '';
  const district = parts.length >= 3 ? parts.slice(0, 3).join('.') : '';
  const provinces = useRegions(null);
  const regencies = useRegions(province, !!province);
  const districts = useRegions(regency, !!regency);
  return (
    <fieldset className={'field region' + (error ? ' field-invalid' : '')}>
      <legend>{t('region.legend')}</legend>
      <label htmlFor={`${idPrefix}-province`}>{t('region.province')}</label>
      <select id={`${idPrefix}-province`} value={province} onChange={(e) => onChange(e.target.value)} aria-invalid={!!error}>
        <option value="">{t('region.choose')}</option>
        {provinces.data?.map((r) => <option key={r.code} value={r.code}>{r.name}</option>)}
      </select>
      <label htmlFor={`${idPrefix}-regency`}>{t('region.regency')}</label>
      <select id={`${idPrefix}-regency`} value={regency} disabled={!province} onChange={(e) => onChange(e.target.value || province)}
        aria-invalid={!!error}>
        <option value="">{t('region.choose')}</option>
        {regencies.data?.map((r) => <option key={r.code} value={r.code}>{r.name}</option>)}
      </select>
      <label htmlFor={`${idPrefix}-district`}>{t('region.district')}</label>
      <select id={`${idPrefix}-district`} value={district} disabled={!regency} onChange={(e) => onChange(e.target.value || regency)}>
        <option value="">{t('region.anyDistrict')}</option>
        {districts.data?.map((r) => <option key={r.code} value={r.code}>{r.name}</option>)}
      </select>
      {error && <p className="field-error" role="alert">{error}</p>}
    </fieldset>
  );
}
