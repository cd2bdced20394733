import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export const QueryFallback = () => {
  const { t } = useTranslation();
  return (
    <Center p="xl">
      <Loader role="status" aria-label={t('common.loading')} />
    </Center>
  );
};
