import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../lib/api';

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status" aria-live="polite">
      {t('common.loading')}
    </p>
  );
}

/** A refusal as the service worded it in the reader's language; never a stack trace or a class name. */
export function ProblemAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const problem = error instanceof ApiProblem ? error : null;
  return (
    <div className="alert alert-error" role="alert">
      <strong>{problem?.title || t('problem.generic.title')}</strong>
      {problem?.detail ? <p>{problem.detail}</p> : !problem ? <p>{t('problem.generic.detail', { status: '' })}</p> : null}
      {problem?.correlationId ? <p className="muted small">{t('problem.reference', { id: problem.correlationId })}</p> : null}
    </div>
  );
}

export function Success({ children }: { children: React.ReactNode }) {
  return (
    <div className="alert alert-success" role="status">
      {children}
    </div>
  );
}
