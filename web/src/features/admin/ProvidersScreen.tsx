import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading, ProblemAlert, Success } from '../../components/Feedback';
import { Field } from '../../components/Form';
import { ApiProblem, get, request } from '../../lib/api';
import { useComponents, useNamer } from '../../lib/reference';

interface Provider {
  id: string;
  name: string;
  type: string;
  agencyId: string;
  regions: string[];
  components: string[];
  capacity: number;
  load: number;
  available: boolean;
  active: boolean;
  address: string | null;
  phone: string | null;
}

interface Outcome {
  rows: number;
  added: number;
  replaced: number;
  unchanged: number;
  written: boolean;
}

interface RowProblem {
  row: number;
  field: string;
  code: string;
}

/**
 * The provider directory for the administrator: every provider with its address, phone, capacity and load, and the
 * import of a whole directory from a CSV or JSON file (docs/provider-import.md) — checked first, then written.
 */
export function ProvidersScreen() {
  const { t } = useTranslation();
  const providers = useQuery({ queryKey: ['providers'], queryFn: () => get<Provider[]>('/api/providers') });
  const components = useComponents();
  const name = useNamer();
  const componentName = (code: string) => name(components.data?.find((c) => c.code === code)) || code;
  return (
    <section>
      <h1>{t('admin.providers.title')}</h1>
      <ImportForm />
      <h2>{t('admin.providers.list', { count: providers.data?.length ?? 0 })}</h2>
      {providers.isPending && <Loading />}
      <ProblemAlert error={providers.error} />
      <ul className="cards">
        {providers.data?.map((p) => (
          <li key={p.id} className={'card' + (p.active ? '' : ' card-overdue')}>
            <div className="card-link">
              <span className="card-title">{p.name}</span>
              <span className="muted small">{[p.address, p.phone].filter(Boolean).join(' · ') || t('admin.providers.noContact')}</span>
            </div>
            <div className="card-meta">
              <span className="badge">{t(`providerType.${p.type}`, { defaultValue: p.type })}</span>
              {p.regions.map((r) => <span key={r} className="badge badge-calm">{r}</span>)}
              <span className={'badge ' + (p.available ? 'badge-calm' : 'badge-overdue')}>
                {t('admin.providers.load', { load: p.load, capacity: p.capacity })}
              </span>
              {!p.active && <span className="badge badge-overdue">{t('admin.providers.inactive')}</span>}
            </div>
            <p className="muted small">{p.components.map(componentName).join(', ')}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ImportForm() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [file, setFile] = useState<{ name: string; content: string; type: string } | null>(null);
  const run = useMutation({
    mutationFn: ({ dryRun }: { dryRun: boolean }) =>
      request<Outcome>(`/api/providers/import${dryRun ? '?dryRun=true' : ''}`, { method: 'POST', raw: { content: file!.content, type: file!.type } })
        .then((r) => r.data),
    onSuccess: (outcome) => { if (outcome.written) void client.invalidateQueries({ queryKey: ['providers'] }); },
  });
  const problems = run.error instanceof ApiProblem && Array.isArray(run.error.body.errors) ? (run.error.body.errors as RowProblem[]) : [];
  const choose = async (chosen: File | undefined) => {
    run.reset();
    if (!chosen) return setFile(null);
    const isJson = chosen.name.toLowerCase().endsWith('.json');
    setFile({ name: chosen.name, content: await chosen.text(), type: isJson ? 'application/json' : 'text/csv' });
  };
  return (
    <div className="form step" aria-labelledby="import-title">
      <h2 id="import-title">{t('admin.providers.import')}</h2>
      <p className="hint">{t('admin.providers.importHint')}</p>
      <Field label={t('admin.providers.file')}>
        {(p) => <input {...p} type="file" accept=".csv,.json,text/csv,application/json" onChange={(e) => void choose(e.target.files?.[0])} />}
      </Field>
      {run.data && (
        <Success>
          {t(run.data.written ? 'admin.providers.imported' : 'admin.providers.checked', {
            rows: run.data.rows, added: run.data.added, replaced: run.data.replaced, unchanged: run.data.unchanged,
          })}
        </Success>
      )}
      <ProblemAlert error={run.error} />
      {problems.length > 0 && (
        <div className="table-scroll">
        <table aria-label={t('admin.providers.problems')}>
          <thead><tr><th scope="col">{t('admin.providers.row')}</th><th scope="col">{t('admin.providers.field')}</th><th scope="col">{t('admin.providers.rule')}</th></tr></thead>
          <tbody>
            {problems.map((p, i) => (
              <tr key={i}><td>{p.row}</td><td>{p.field}</td><td>{t(`admin.providers.codes.${p.code}`, { defaultValue: p.code })}</td></tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
      <div className="card-actions">
        <button type="button" className="button" disabled={!file || run.isPending} onClick={() => run.mutate({ dryRun: true })}>
          {t('admin.providers.check')}
        </button>
        <button type="button" className="button button-primary" disabled={!file || run.isPending || !run.data || run.data.written}
          onClick={() => run.mutate({ dryRun: false })}>
          {t('admin.providers.write')}
        </button>
      </div>
    </div>
  );
}
