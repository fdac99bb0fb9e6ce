import { useTranslation } from 'react-i18next';
import { STAGES, type Stage } from '../features/cases/api';

/** The six stages of case management (Permensos 9/2015), the current one marked; a stage cannot be skipped. */
export function StageStepper({ stage }: { stage: Stage }) {
  const { t } = useTranslation();
  const at = STAGES.indexOf(stage);
  return (
    <ol className="stepper" aria-label={t('case.stages')}>
      {STAGES.map((s, i) => (
        <li key={s} className={i < at ? 'done' : i === at ? 'current' : 'todo'} aria-current={i === at ? 'step' : undefined}>
          <span className="dot" aria-hidden="true">{i < at ? '✓' : i + 1}</span>
          <span className="label">{t(`stage.${s}`)}</span>
        </li>
      ))}
    </ol>
  );
}
