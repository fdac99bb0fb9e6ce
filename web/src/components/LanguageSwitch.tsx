import { useTranslation } from 'react-i18next';

/** Indonesian first; English one tap away. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const next = i18n.language === 'en' ? 'id' : 'en';
  return (
    <button type="button" className="button button-ghost" lang={next} onClick={() => void i18n.changeLanguage(next)}
      aria-label={t('language.switchTo')}>
      {next === 'en' ? 'English' : 'Bahasa Indonesia'}
    </button>
  );
}
