// i18next: Lithuanian by default, English as the second language. The
// choice is remembered in localStorage. Components take every user-facing
// string from here. Only the language in use is loaded (each is a chunk of
// its own): before the first render only the login page's texts
// (`virtual:login-texts/*`, see vite.config.ts), the whole language with the
// shell after login (`loadLanguage`) and on every switch.

import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['lt', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'atvejis.lang';

function initialLanguage(): Language {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'lt';
}

const loaders: Record<Language, () => Promise<{ default: Record<string, unknown> }>> = {
  lt: () => import('./lt.json'),
  en: () => import('./en.json'),
};

void i18n.use(initReactI18next).init({
  resources: {},
  lng: initialLanguage(),
  // No fallback: both languages have every key (i18n.test.ts), and only one is loaded.
  fallbackLng: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

const loginLoaders: Record<Language, () => Promise<{ default: Record<string, unknown> }>> = {
  lt: () => import('virtual:login-texts/lt'),
  en: () => import('virtual:login-texts/en'),
};

/** The languages whose whole texts are loaded. */
const loaded = new Set<Language>();

function current(): Language {
  return i18n.language === 'en' ? 'en' : 'lt';
}

/** Loads a language's texts once (resolves at once when they are there). */
export async function loadLanguage(language: Language): Promise<void> {
  if (loaded.has(language)) return;
  const { default: texts } = await loaders[language]();
  i18n.addResourceBundle(language, 'translation', texts, true, true);
  loaded.add(language);
}

/** Loads the whole language in use (the shell renders after it). */
export function loadCurrentLanguage(): Promise<void> {
  return loadLanguage(current());
}

/** Loads the login page's texts of the language in use; the app renders after it. */
export async function loadInitialLanguage(): Promise<void> {
  const language = current();
  if (loaded.has(language)) return;
  const { default: texts } = await loginLoaders[language]();
  i18n.addResourceBundle(language, 'translation', texts, true, true);
}

function apply(language: string): void {
  document.documentElement.lang = language;
}
apply(i18n.language);
i18n.on('languageChanged', apply);

/** Switches the language (loading its texts first) and remembers it. */
export async function setLanguage(language: Language): Promise<void> {
  localStorage.setItem(STORAGE_KEY, language);
  await loadLanguage(language);
  await i18n.changeLanguage(language);
}

export default i18n;
