import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UnmetCriterion } from '../api/api-types';

/** Every criterion the API said is unmet, in its words, with what kind of criterion it is. */
export const UnmetCriteriaList = ({ unmet }: { readonly unmet: readonly UnmetCriterion[] }) => {
  const { t } = useTranslation();
  return (
    <List spacing="xs" size="sm" aria-label={t('advance.unmetCriteria')}>
      {unmet.map((criterion, index) => (
        <List.Item key={`${criterion.event}-${criterion.criterion}-${criterion.field ?? criterion.expression ?? index}`}>
          <Text span fw={600} size="sm">
            {t(`advance.criterion.${criterion.criterion}`, { defaultValue: criterion.criterion })}
          </Text>
          {': '}
          {criterion.message}
        </List.Item>
      ))}
    </List>
  );
};
