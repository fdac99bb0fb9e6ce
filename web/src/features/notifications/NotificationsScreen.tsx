import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading, ProblemAlert } from '../../components/Feedback';
import { handlesCases, type Session } from '../../lib/session';
import { useInbox, useMarkRead, type Item } from './api';

/** Where the item leads, for those who have the screen it leads to. */
function target(item: Item, session: Session): string | null {
  if (!handlesCases(session)) return null;
  if (item.reportId) return `/reports/${item.reportId}`;
  if (item.caseId) return `/cases/${item.caseId}`;
  return null;
}

/** "My items": newest first, unread ones marked; opening one marks it read. */
export function NotificationsScreen({ session }: { session: Session }) {
  const { t, i18n } = useTranslation();
  const inbox = useInbox();
  const mark = useMarkRead();
  const when = (at: string) => new Date(at).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'medium', timeStyle: 'short' });
  const text = (item: Item) => t(`notifications.kind.${item.kind}`, {
    caseNumber: item.caseNumber ?? t('notifications.aCase'),
    status: item.status ? t(`notifications.status.${item.status}`, { defaultValue: item.status }) : '',
  });
  return (
    <section>
      <h1>{t('notifications.title')}</h1>
      {inbox.isPending && <Loading />}
      <ProblemAlert error={inbox.error ?? mark.error} />
      {inbox.data && (
        <>
          <div className="chart-head">
            <p className="muted">{t('notifications.unread', { count: inbox.data.unread })}</p>
            {inbox.data.unread > 0 && (
              <button type="button" className="button button-small" onClick={() => mark.mutate(null)}>{t('notifications.readAll')}</button>
            )}
          </div>
          {inbox.data.items.length === 0 && <p className="empty">{t('notifications.empty')}</p>}
          <ul className="cards">
            {inbox.data.items.map((item) => {
              const to = target(item, session);
              const body = (
                <>
                  <span className="card-title">{!item.read && <span className="badge badge-due">{t('notifications.new')}</span>} {text(item)}</span>
                  <span className="muted small">
                    {when(item.at)}
                    {item.reportId && item.status && item.status !== 'FORWARDED' && <> · {t('notifications.urgency', { level: t(`risk.${item.status}`) })}</>}
                  </span>
                </>
              );
              return (
                <li key={item.id} className={'card' + (item.read ? '' : ' card-unread')}>
                  {to ? (
                    <Link to={to} className="card-link" onClick={() => !item.read && mark.mutate(item.id)}>{body}</Link>
                  ) : (
                    <div className="card-link">
                      {body}
                      {!item.read && (
                        <button type="button" className="button button-small" onClick={() => mark.mutate(item.id)}>{t('notifications.markRead')}</button>
                      )}
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
