import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Loading, ProblemAlert } from '../../components/Feedback';
import { get, query } from '../../lib/api';
import { formatDateTime } from '../../lib/i18n';
import { isAdmin, type Session } from '../../lib/session';

/** One read of personal data, as the service's audit keeps it: who, what, where, why — never the data read. */
interface AuditEntry {
  seq: number;
  reader: string;
  roles: string[];
  kind: string;
  subjectId: string | null;
  regionCode: string | null;
  count: number;
  purpose: string | null;
  at: string;
  hash: string;
}

interface Verification {
  entries: number;
  intact: boolean;
  firstBrokenSeq: number | null;
  problem: string | null;
}

const AREAS = ['cases', 'referrals', 'reports'] as const;
type Area = (typeof AREAS)[number];

/**
 * Who read children's data: a supervisor sees the reads of their province, an administrator all of them and whether each
 * service's chain of entries is unbroken (nobody changed, removed or slipped in an entry).
 */
export function AuditScreen({ session }: { session: Session }) {
  const { t } = useTranslation();
  const [area, setArea] = useState<Area>('cases');
  const [subject, setSubject] = useState('');
  const [reader, setReader] = useState('');
  const [filters, setFilters] = useState({ subjectId: '', reader: '' });
  const entries = useQuery({
    queryKey: ['audit', area, filters],
    queryFn: () => get<AuditEntry[]>(`/api/audit/${area}${query({ subjectId: filters.subjectId || undefined, reader: filters.reader || undefined, limit: 100 })}`),
  });
  const verify = useMutation({ mutationFn: () => get<Verification>(`/api/audit/${area}/verify`) });
  return (
    <section>
      <h1>{t('audit.title')}</h1>
      <p className="hint">{t(isAdmin(session) ? 'audit.hintAdmin' : 'audit.hintSupervisor')}</p>
      <form className="filters" role="search" aria-label={t('audit.title')} onSubmit={(e) => { e.preventDefault(); setFilters({ subjectId: subject.trim(), reader: reader.trim() }); }}>
        <label>
          {t('audit.area')}
          <select value={area} onChange={(e) => { setArea(e.target.value as Area); verify.reset(); }}>
            {AREAS.map((a) => <option key={a} value={a}>{t(`audit.areas.${a}`)}</option>)}
          </select>
        </label>
        <label>
          {t('audit.subject')}
          <input value={subject} onChange={(e) => setSubject(e.target.value)} maxLength={100} />
        </label>
        <label>
          {t('audit.reader')}
          <input value={reader} onChange={(e) => setReader(e.target.value)} maxLength={100} autoComplete="off" />
        </label>
        <button type="submit" className="button">{t('audit.show')}</button>
      </form>
      {isAdmin(session) && (
        <div className="form step">
          <button type="button" className="button button-ghost" onClick={() => verify.mutate()} disabled={verify.isPending}>
            {t('audit.verify')}
          </button>
          <ProblemAlert error={verify.error} />
          {verify.data && (
            <p role="status" className={verify.data.intact ? 'info' : 'error'}>
              {verify.data.intact
                ? t('audit.intact', { count: verify.data.entries })
                : t('audit.broken', { seq: verify.data.firstBrokenSeq, problem: verify.data.problem })}
            </p>
          )}
        </div>
      )}
      <ProblemAlert error={entries.error} />
      {entries.isPending && <Loading />}
      {entries.data?.length === 0 && <p className="muted">{t('audit.empty')}</p>}
      <ul className="cards">
        {entries.data?.map((e) => (
          <li key={e.seq} className="card">
            <div className="card-link">
              <span className="card-title">{t(`audit.kinds.${e.kind.replace(/\./g, '_')}`, { defaultValue: e.kind })}</span>
              <span className="muted small">{formatDateTime(e.at)} · {e.reader} ({e.roles.map((r) => t(`role.${r}`)).join(', ')})</span>
              {e.subjectId && <span className="small">{t('audit.of', { id: e.subjectId })}</span>}
              {e.purpose && <span className="small">{t('audit.purpose', { purpose: e.purpose === 'case-work' ? t('audit.caseWork') : e.purpose })}</span>}
            </div>
            <div className="card-meta">
              {e.regionCode && <span className="badge">{e.regionCode}</span>}
              {e.subjectId === null && <span className="badge">{t('audit.count', { count: e.count })}</span>}
              <span className="muted small" title={e.hash}>#{e.seq}</span>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
