import { Alert, Drawer, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FieldDefinition, UnmetCriterion } from '../api/api-types';
import { fieldsAskedFor, UnmetCriteriaForm, type FieldInputValue } from './UnmetCriteriaForm';
import { UnmetCriteriaList } from './UnmetCriteriaList';

export interface Refusal {
  readonly kind: string;
  readonly recordId: string;
  readonly recordName: string;
  readonly event: string;
  readonly stepTitle: string;
  readonly unmet: readonly UnmetCriterion[];
}

/**
 * Why a step was refused — every unmet criterion — and a form for exactly the fields it asks for; sending
 * the form tries the step again with those values.
 */
export const AdvancePanel = ({
  refusal,
  fields,
  busy,
  error,
  onRetry,
  onClose,
}: {
  readonly refusal: Refusal | null;
  readonly fields: readonly FieldDefinition[];
  readonly busy: boolean;
  readonly error: string | null;
  readonly onRetry: (values: Record<string, FieldInputValue>) => void;
  readonly onClose: () => void;
}) => {
  const { t } = useTranslation();
  const asked = refusal === null ? [] : fieldsAskedFor(refusal.unmet, fields);
  return (
    <Drawer opened={refusal !== null} onClose={onClose} position="right" title={refusal === null ? '' : t('advance.refusedTitle', { step: refusal.stepTitle, name: refusal.recordName })}>
      {refusal !== null && (
        <Stack gap="md">
          <Text size="sm">{t('advance.refusedIntro')}</Text>
          <UnmetCriteriaList unmet={refusal.unmet} />
          {error !== null && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          {asked.length > 0 ? (
            <UnmetCriteriaForm key={`${refusal.recordId}-${refusal.event}`} fields={asked} busy={busy} submitLabel={t('advance.retry', { step: refusal.stepTitle })} onSubmit={onRetry} />
          ) : (
            <Text size="sm" c="dimmed">
              {t('advance.nothingToFill')}
            </Text>
          )}
        </Stack>
      )}
    </Drawer>
  );
};
