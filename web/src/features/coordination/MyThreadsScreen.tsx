import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading, ProblemAlert } from '../../components/Feedback';
import { get } from '../../lib/api';
import { RegionName } from '../../lib/reference';
import { CoordinationThread } from './CoordinationThread';

interface ThreadLine { caseId: string; caseNumber: string; regionCode: string; stage: string }

/** The coordination threads the caller is in (for a partner: through a referral or an invitation). */
export function MyThreadsScreen() {
  const { t } = useTranslation();
  const threads = useQuery({ queryKey: ['coordination', 'mine'], queryFn: () => get<ThreadLine[]>('/api/coordination') });
  return (
    <section>
      <h1>{t('threads.title')}</h1>
      <p className="muted">{t('threads.intro')}</p>
      {threads.isPending && <Loading />}
      <ProblemAlert error={threads.error} />
      {threads.data?.length === 0 && <p className="empty">{t('threads.empty')}</p>}
      <ul className="cards">
        {threads.data?.map((th) => (
          <li key={th.caseId} className="card">
            <Link to={`/threads/${th.caseId}`} className="card-link">
              <span className="card-title">{th.caseNumber}</span>
              <span className="muted small"><RegionName code={th.regionCode} /></span>
            </Link>
            <div className="card-meta"><span className="badge">{t(`stage.${th.stage}`, { defaultValue: th.stage })}</span></div>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ThreadScreen() {
  const { caseId = '' } = useParams();
  return <CoordinationThread caseId={caseId} />;
}
