import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '../../components/Feedback';
import { Field, problemFor, SubmitButton } from '../../components/Form';
import { formatDate } from '../../lib/i18n';
import { RegionName } from '../../lib/reference';
import { isConflict, likelyDuplicates, useCaseStep, type LikelyDuplicate } from './api';
import type { StepProps } from './StepForms';

/**
 * The child's other cases (a child who returns, two reports of one child), and a look for cases that may be of the
 * same child, to be linked with why: linked cases count as one child and an erasure of the child reaches them all.
 */
export function SameChildSection(props: StepProps & { offline: boolean }) {
  const { t } = useTranslation();
  const { detail } = props;
  const others = detail.sameChild?.cases ?? [];
  const elsewhere = detail.sameChild?.elsewhere ?? 0;
  const [found, setFound] = useState<LikelyDuplicate[] | null>(null);
  const [looking, setLooking] = useState(false);
  const [lookError, setLookError] = useState<unknown>(null);
  const known = !detail.personalDataErased && !!detail.child?.name;
  if (!known && others.length === 0 && elsewhere === 0) return null;

  const look = async () => {
    setLooking(true);
    setLookError(null);
    try {
      const linked = new Set([detail.caseId, ...others.map((o) => o.caseId)]);
      setFound((await likelyDuplicates(detail.regionCode, detail.child)).filter((d) => !linked.has(d.caseId)));
    } catch (e) {
      setLookError(e);
    } finally {
      setLooking(false);
    }
  };

  return (
    <section aria-labelledby="same-child" className="same-child">
      <h2 id="same-child">{t('case.sameChild.title')}</h2>
      {others.length === 0 && elsewhere === 0 && <p className="muted">{t('case.sameChild.none')}</p>}
      {others.length > 0 && (
        <ul className="cards">
          {others.map((o) => (
            <li key={o.caseId} className="card">
              <p><Link to={`/cases/${o.caseId}`}><strong>{o.caseNumber}</strong></Link></p>
              <p className="muted"><RegionName code={o.regionCode} /> · {t(`stage.${o.stage}`)} · {t('case.sameChild.since', { date: formatDate(o.registeredAt) })}</p>
            </li>
          ))}
        </ul>
      )}
      {elsewhere > 0 && <p className="muted">{t('case.sameChild.elsewhere', { count: elsewhere })}</p>}
      {known && !props.offline && (
        <>
          {found === null && (
            <button type="button" className="button" disabled={looking} onClick={() => void look()}>{t('case.sameChild.find')}</button>
          )}
          {looking && <p className="muted" role="status">{t('case.sameChild.looking')}</p>}
          {lookError !== null && <ProblemAlert error={lookError} />}
          {found !== null && found.length === 0 && <p className="muted" role="status">{t('case.sameChild.noneFound')}</p>}
          {found !== null && found.length > 0 && (
            <div className="duplicates" role="region" aria-labelledby="same-child-candidates">
              <h3 id="same-child-candidates">{t('case.sameChild.candidates')}</h3>
              <ul className="cards">
                {found.map((d) => <Candidate key={d.caseId} candidate={d} props={props} onLinked={() => setFound(null)} />)}
              </ul>
            </div>
          )}
        </>
      )}
    </section>
  );
}

function Candidate({ candidate: d, props, onLinked }: { candidate: LikelyDuplicate; props: StepProps; onLinked: () => void }) {
  const { t } = useTranslation();
  const step = useCaseStep(props.detail.caseId, props.current);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const e = step.error;
  const link = (event: React.FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) { setMissing(true); return; }
    step.mutate({ step: 'child-link', body: { sameChildAs: d.caseId, reason: reason.trim() } }, {
      onSuccess: () => { onLinked(); props.onDone(t('case.sameChild.done', { caseNumber: d.caseNumber })); },
      onError: (error) => { if (isConflict(error)) props.onConflict(); },
    });
  };
  return (
    <li className="card">
      <p><strong>{d.childName ?? t('register.duplicates.noName')}</strong> · <Link to={`/cases/${d.caseId}`}>{d.caseNumber}</Link></p>
      <p className="muted"><RegionName code={d.regionCode} /> · {t(`stage.${d.stage}`)} · {t('register.duplicates.score', { score: d.score })}</p>
      <p className="chips">{d.reasons.map((r) => <span key={r} className="badge">{t(`register.duplicates.why.${r}`)}</span>)}</p>
      <form className="form" noValidate onSubmit={link}>
        {e && !problemFor(e, 'reason') && <ProblemAlert error={e} />}
        <Field label={t('case.sameChild.reason')} hint={t('case.sameChild.reasonHint')}
          error={missing && !reason.trim() ? t('register.duplicates.reasonRequired') : problemFor(e, 'reason')}>
          {(p) => <textarea {...p} rows={2} maxLength={1000} value={reason} onChange={(ev) => setReason(ev.target.value)} />}
        </Field>
        <SubmitButton pending={step.isPending}>{t('case.sameChild.link')}</SubmitButton>
      </form>
    </li>
  );
}
