import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OpenTask } from '../api/api-types';
import { useFormats } from '../shared/format';

export const TasksPanel = ({ tasks, busy, onComplete }: { readonly tasks: readonly OpenTask[]; readonly busy: boolean; readonly onComplete: (task: OpenTask) => void }) => {
  const { t } = useTranslation();
  const formats = useFormats();
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('record.tasks')}
      </Title>
      {tasks.length === 0 && <Text c="dimmed">{t('record.noTasks')}</Text>}
      <ul aria-label={t('record.tasks')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {tasks.map((task) => (
          <li key={task.taskId}>
            <Group justify="space-between" wrap="nowrap" py="xs">
              <Stack gap={0}>
                <Text size="sm" fw={600}>
                  {task.title}
                </Text>
                <Text size="xs" c="dimmed">
                  {[task.assignee ?? t('record.unassigned'), task.dueAt === null ? t('record.noDueDate') : t('record.due', { date: formats.dateTime(task.dueAt) })].join(' · ')}
                </Text>
              </Stack>
              <Button size="xs" variant="light" loading={busy} onClick={() => onComplete(task)} aria-label={t('record.completeTask', { title: task.title })}>
                {t('record.complete')}
              </Button>
            </Group>
          </li>
        ))}
      </ul>
    </Stack>
  );
};
