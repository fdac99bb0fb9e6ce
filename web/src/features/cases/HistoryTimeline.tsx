import { useTranslation } from 'react-i18next';
import { Loading, ProblemAlert } from '../../components/Feedback';
import { formatDateTime } from '../../lib/i18n';
import { useHistory } from './api';

/** The case's history: each step, who did it and when (the audit trail courts and ABH reviews rely on). */
export function HistoryTimeline({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const history = useHistory(caseId);
  if (history.isPending) return <Loading />;
  if (history.isError) return <ProblemAlert error={history.error} />;
  return (
    <ol className="timeline" aria-label={t('history.title')}>
      {history.data.slice().reverse().map((entry) => {
        const note = typeof entry.details.note === 'string' ? entry.details.note : null;
        const reason = typeof entry.details.reason === 'string' ? entry.details.reason : null;
        return (
          <li key={entry.sequence}>
            <p className="timeline-title">{t(`event.${entry.type}`, { defaultValue: t('event.other') })}</p>
            <p className="muted small">{formatDateTime(entry.at)} · {entry.actor ?? t('history.system')}</p>
            {note && <p className="note">{note}</p>}
            {reason && <p className="note">{reason}</p>}
          </li>
        );
      })}
    </ol>
  );
}
