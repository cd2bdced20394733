import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { changeLanguage, LANGUAGES, type Language } from './i18n';

export const LanguageSwitch = () => {
  const { t, i18n } = useTranslation();
  return (
    <NativeSelect
      aria-label={t('app.language')}
      value={i18n.language}
      onChange={(event) => changeLanguage(event.currentTarget.value as Language)}
      data={LANGUAGES.map((language) => ({ value: language.code, label: language.label }))}
    />
  );
};
