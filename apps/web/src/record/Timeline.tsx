import { Badge, Group, Stack, Text, Timeline as MantineTimeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../api/api-types';
import { useFormats } from '../shared/format';
import { taskTitlesOf, timelineFacts } from './timeline-entry';

/** The record's history, newest first: who, when, what, and why when they said. */
export const Timeline = ({ entries, stageTitle }: { readonly entries: readonly HistoryEntry[]; readonly stageTitle: (stage: string) => string }) => {
  const { t } = useTranslation();
  const formats = useFormats();
  const newestFirst = [...entries].reverse();
  const taskTitles = taskTitlesOf(entries);
  return (
    <Stack gap="xs" component="section" aria-label={t('record.timeline')}>
      <Title order={2} size="h4">
        {t('record.timeline')}
      </Title>
      <MantineTimeline bulletSize={12} lineWidth={2}>
        {newestFirst.map((entry) => {
          const facts = timelineFacts(entry, stageTitle, taskTitles);
          return (
            <MantineTimeline.Item key={entry.id} title={t(`timeline.what.${facts.what}`, { ...facts.values, defaultValue: entry.type })}>
              <Group gap="xs">
                <Text size="xs" c="dimmed">
                  {t('timeline.byWhen', { actor: entry.metadata.actor, when: formats.dateTime(entry.occurredAt) })}
                </Text>
                {entry.metadata.imported === true && <Badge size="xs">{t('timeline.imported')}</Badge>}
              </Group>
              {facts.why !== null && <Text size="sm">{t('timeline.why', { why: facts.why })}</Text>}
            </MantineTimeline.Item>
          );
        })}
      </MantineTimeline>
    </Stack>
  );
};
