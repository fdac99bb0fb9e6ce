import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../lib/api';

/** The API's problem belongs next to this field when it names it (e.g. "child.nik"). */
export function problemFor(error: unknown, ...names: string[]): string | undefined {
  if (error instanceof ApiProblem && error.field && names.includes(error.field)) return error.detail ?? error.title;
  return undefined;
}

/** Whether the problem names a field of this form (then it is shown there, not at the top). */
export function namesAField(error: unknown, names: string[]): boolean {
  return error instanceof ApiProblem && !!error.field && names.includes(error.field);
}

interface FieldProps {
  label: string;
  hint?: string;
  error?: string;
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => React.ReactNode;
}

/** A labelled control with its hint and its error (the browser's, ours or the API's), read out by screen readers. */
export function Field({ label, hint, error, children }: FieldProps) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={'field' + (error ? ' field-invalid' : '')}>
      <label htmlFor={id}>{label}</label>
      {hint && <p id={`${id}-hint`} className="hint">{hint}</p>}
      {children({ id, 'aria-invalid': !!error, 'aria-describedby': described })}
      {error && <p id={`${id}-error`} className="field-error" role="alert">{error}</p>}
    </div>
  );
}

export function SubmitButton({ pending, children }: { pending: boolean; children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <button type="submit" className="button button-primary" disabled={pending} aria-busy={pending}>
      {pending ? t('common.saving') : children}
    </button>
  );
}

/** A group of checkboxes over reference items (clusters, ATENSI components), named in the reader's language. */
export function CodeChoices({ legend, items, name, error, register }: {
  legend: string;
  items: { code: string }[] | undefined;
  name: (item: never) => string;
  error?: string;
  register: (value: string) => React.InputHTMLAttributes<HTMLInputElement>;
}) {
  return (
    <fieldset className={'field' + (error ? ' field-invalid' : '')}>
      <legend>{legend}</legend>
      <div className="choices">
        {items?.map((item) => (
          <label key={item.code} className="check">
            <input type="checkbox" value={item.code} {...register(item.code)} />
            {name(item as never)}
          </label>
        ))}
      </div>
      {error && <p className="field-error" role="alert">{error}</p>}
    </fieldset>
  );
}
