import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en';
import { zhCN } from './locales/zh-CN';

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'zh-CN', label: '简体中文' },
] as const;

export type Language = (typeof LANGUAGES)[number]['code'];

const KEY = 'crm.language';

const initialLanguage = (): Language => {
  const stored = localStorage.getItem(KEY);
  return LANGUAGES.some((language) => language.code === stored) ? (stored as Language) : 'en';
};

/** Every user-visible string is a key of the resources, grouped by feature (locales/en.ts). */
export const initI18n = (language: Language = initialLanguage()): typeof i18next => {
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  return i18next;
};

export const changeLanguage = (language: Language): void => {
  localStorage.setItem(KEY, language);
  document.documentElement.lang = language;
  void i18next.changeLanguage(language);
};
