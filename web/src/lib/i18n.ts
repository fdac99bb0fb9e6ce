import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import id from '../locales/id.json';
import en from '../locales/en.json';

/** Indonesian first; English one tap away. The choice is kept on the device (it is not personal data). */
const KEY = 'amk.lang';
const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(KEY) : null;

void i18n.use(initReactI18next).init({
  resources: { id: { translation: id }, en: { translation: en } },
  lng: saved === 'en' ? 'en' : 'id',
  fallbackLng: 'id',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});

i18n.on('languageChanged', (lng) => {
  localStorage.setItem(KEY, lng);
  document.documentElement.lang = lng;
});
if (typeof document !== 'undefined') document.documentElement.lang = i18n.language;

/** A date and time as people here read it, in the app's language. */
export function formatDateTime(iso?: string | null): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatDate(iso?: string | null): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'medium' }).format(new Date(iso));
}

export default i18n;
