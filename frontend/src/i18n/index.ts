// i18next: Lithuanian by default, English as the second language. The
// choice is remembered in localStorage. Components take every user-facing
// string from here.

import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/lt';
import lt from './lt.json';
import en from './en.json';

export const LANGUAGES = ['lt', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'atvejis.lang';

function initialLanguage(): Language {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'lt';
}

export const resources = { lt: { translation: lt }, en: { translation: en } } as const;

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: 'lt',
  interpolation: { escapeValue: false },
  returnNull: false,
});

function apply(language: string): void {
  document.documentElement.lang = language;
  dayjs.locale(language === 'en' ? 'en' : 'lt');
}
apply(i18n.language);
i18n.on('languageChanged', apply);

/** Switches the language and remembers it. */
export function setLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  void i18n.changeLanguage(language);
}

export default i18n;
