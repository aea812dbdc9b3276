import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../shared/contract';
import { en } from './en';
import { featureStrings } from './features';
import { nb } from './nb';
import { sv } from './sv';

const STORAGE_KEY = 'kansli.language';

/** The language before any register is open: the last one used here, else the system's. */
function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'sv' || stored === 'nb' || stored === 'en') return stored;
  const nav = navigator.language.toLowerCase();
  if (nav.startsWith('sv')) return 'sv';
  if (nav.startsWith('nb') || nav.startsWith('no') || nav.startsWith('nn')) return 'nb';
  return 'en';
}

export function initI18n(): void {
  void i18next.use(initReactI18next).init({
    resources: {
      en: { translation: { ...en, ...featureStrings('en') } },
      sv: { translation: { ...sv, ...featureStrings('sv') } },
      nb: { translation: { ...nb, ...featureStrings('nb') } },
    },
    lng: initialLanguage(),
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React escapes
    returnObjects: true,
  });
  document.documentElement.lang = i18next.language;
}

export function setLanguage(lang: Language): void {
  localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
  void i18next.changeLanguage(lang);
}

/** BCP 47 locale for Intl (dates, numbers, money) in the given language. */
export function localeOf(lang: string): string {
  return lang === 'sv' ? 'sv-SE' : lang === 'nb' ? 'nb-NO' : 'en-GB';
}
