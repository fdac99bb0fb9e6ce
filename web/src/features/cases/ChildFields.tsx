import type { UseFormRegisterReturn, UseFormReturn } from 'react-hook-form';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Field, problemFor } from '../../components/Form';
import { ABH_ROLES, type Child } from './api';
import { isChildBirthDate, nikLooksValid } from './rules';

/** The child's personal data as a form holds them (strings, '' for unknown). */
export interface ChildForm {
  name: string;
  nik: string;
  birthDate: string;
  estimatedAge: string;
  sex: string;
  disability: string;
  address: string;
  guardianName: string;
  guardianPhone: string;
}

export const CHILD_FIELDS = ['child.name', 'child.nik', 'child.birthDate', 'child.estimatedAge'];

export const childForm = (child?: Child | null): ChildForm => ({
  name: child?.name ?? '', nik: child?.nik ?? '', birthDate: child?.birthDate ?? '',
  estimatedAge: child?.estimatedAge == null ? '' : String(child.estimatedAge), sex: child?.sex ?? '', disability: child?.disability ?? '',
  address: child?.address ?? '', guardianName: child?.guardianName ?? '', guardianPhone: child?.guardianPhone ?? '',
});

/** What case-service's API takes for the child: blanks become null. */
export const childBody = (v: ChildForm) => ({
  name: v.name.trim(),
  nik: v.nik.trim() || null,
  birthDate: v.birthDate || null,
  estimatedAge: v.estimatedAge === '' ? null : Number(v.estimatedAge),
  sex: v.sex || null,
  disability: v.disability.trim() || null,
  address: v.address.trim() || null,
  guardianName: v.guardianName.trim() || null,
  guardianPhone: v.guardianPhone.trim() || null,
});

/** The child's fields, checked as case-service checks them; the API's refusal shows at the field it names. */
export function ChildFields<T extends ChildForm>({ form: typed, api }: { form: UseFormReturn<T>; api: unknown }) {
  const { t } = useTranslation();
  const form = typed as unknown as UseFormReturn<ChildForm>;
  const { errors } = form.formState;
  return (
    <>
      <Field label={t('child.name')} error={errors.name?.message ?? problemFor(api, 'child.name')}>
        {(p) => <input {...p} autoComplete="off" {...form.register('name', { validate: (v) => v.trim() !== '' || t('register.errors.required') })} />}
      </Field>
      <Field label={t('child.nik')} hint={t('child.nikHint')} error={errors.nik?.message ?? problemFor(api, 'child.nik')}>
        {(p) => <input {...p} inputMode="numeric" autoComplete="off" maxLength={16}
          {...form.register('nik', { validate: (v) => v.trim() === '' || nikLooksValid(v.trim()) || t('register.errors.nik') })} />}
      </Field>
      <div className="row">
        <Field label={t('child.birthDate')} error={errors.birthDate?.message ?? problemFor(api, 'child.birthDate')}>
          {(p) => <input {...p} type="date" {...form.register('birthDate', {
            validate: (v, all) => (v === '' ? all.estimatedAge !== '' || t('register.errors.birthOrAge') : isChildBirthDate(v) || t('register.errors.notAChild')),
          })} />}
        </Field>
        <Field label={t('child.estimatedAge')} error={errors.estimatedAge?.message ?? problemFor(api, 'child.estimatedAge')}>
          {(p) => <input {...p} type="number" inputMode="numeric" min={0} max={17}
            {...form.register('estimatedAge', { validate: (v) => v === '' || (Number(v) >= 0 && Number(v) <= 17) || t('register.errors.notAChild') })} />}
        </Field>
      </div>
      <Field label={t('child.sex')}>
        {(p) => (
          <select {...p} {...form.register('sex')}>
            <option value="">{t('common.unknown')}</option>
            <option value="F">{t('sex.F')}</option>
            <option value="M">{t('sex.M')}</option>
          </select>
        )}
      </Field>
      <Field label={t('child.disability')} hint={t('child.disabilityHint')}>
        {(p) => <input {...p} autoComplete="off" {...form.register('disability')} />}
      </Field>
      <Field label={t('child.address')}>
        {(p) => <input {...p} autoComplete="off" {...form.register('address')} />}
      </Field>
      <div className="row">
        <Field label={t('child.guardianName')}>
          {(p) => <input {...p} autoComplete="off" {...form.register('guardianName')} />}
        </Field>
        <Field label={t('child.guardianPhone')}>
          {(p) => <input {...p} type="tel" autoComplete="off" {...form.register('guardianPhone')} />}
        </Field>
      </div>
    </>
  );
}

/** An ABH child's role must be chosen (registration, and the child's details of a case from a report). */
export const abhRoleRules = (t: TFunction) => ({ validate: (v: string) => v !== '' || t('register.errors.abhRole') });

/** The role of a child in conflict with the law (ABH): perpetrator, victim or witness. */
export function AbhRoleField({ registration, error }: { registration: UseFormRegisterReturn; error?: string }) {
  const { t } = useTranslation();
  return (
    <Field label={t('register.abhRole')} error={error}>
      {(p) => (
        <select {...p} {...registration}>
          <option value="">{t('common.choose')}</option>
          {ABH_ROLES.map((r) => <option key={r} value={r}>{t(`abhRole.${r}`)}</option>)}
        </select>
      )}
    </Field>
  );
}
