import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "in 2 days" / "3 hours ago", in the app's language, kept current every 30 s. */
export function useRelative(iso?: string | null) {
  const { i18n } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  if (!iso) return { text: '', past: false };
  const diff = new Date(iso).getTime() - now;
  const [unit, ms] = UNITS.find(([, size]) => Math.abs(diff) >= size) ?? UNITS[UNITS.length - 1];
  const format = new Intl.RelativeTimeFormat(i18n.language === 'en' ? 'en' : 'id', { numeric: 'auto' });
  return { text: format.format(Math.round(diff / ms), unit), past: diff < 0 };
}

/** The next step's deadline counting down; an overdue case says so first. */
export function DueBadge({ overdue, nextDeadline, nextDueAt }: { overdue: string[]; nextDeadline: string | null; nextDueAt: string | null }) {
  const { t } = useTranslation();
  const relative = useRelative(nextDueAt);
  if (overdue.length > 0) {
    return (
      <span className="badge badge-overdue">
        {t('due.overdue', { steps: overdue.map((d) => t(`deadline.${d}`)).join(', ') })}
      </span>
    );
  }
  if (!nextDeadline || !nextDueAt) return <span className="badge badge-calm">{t('due.none')}</span>;
  return (
    <span className={'badge ' + (relative.past ? 'badge-overdue' : 'badge-due')}>
      {t('due.next', { step: t(`deadline.${nextDeadline}`), when: relative.text })}
    </span>
  );
}
