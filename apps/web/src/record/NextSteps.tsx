import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { NextStep, RecordView } from '../api/api-types';
import { UnmetCriteriaList } from '../advance/UnmetCriteriaList';

/**
 * Each step the record could take next, as the API judged it for this user: allowed, or blocked and why.
 * A blocked step can still be tried: the panel then asks for exactly the fields it lacks.
 */
export const NextSteps = ({ record, busy, onTry }: { readonly record: RecordView; readonly busy: boolean; readonly onTry: (step: NextStep) => void }) => {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t('record.nextSteps')}
      </Title>
      {record.next.length === 0 && <Text c="dimmed">{t('record.noNextSteps')}</Text>}
      {record.next.map((step) => (
        <Card key={step.event} withBorder padding="sm" aria-label={step.title}>
          <Group justify="space-between" wrap="nowrap" align="start">
            <Stack gap={4}>
              <Group gap="xs">
                <Text fw={600}>{step.title}</Text>
                <Badge color={step.allowed ? 'teal' : 'gray'}>{step.allowed ? t('record.allowed') : t('record.blocked')}</Badge>
              </Group>
              {!step.allowed && <UnmetCriteriaList unmet={step.unmet} />}
            </Stack>
            <Button size="xs" variant={step.allowed ? 'filled' : 'default'} loading={busy} onClick={() => onTry(step)}>
              {step.allowed ? t('record.advance', { step: step.title }) : t('record.tryStep', { step: step.title })}
            </Button>
          </Group>
        </Card>
      ))}
    </Stack>
  );
};
