import { Anchor, Badge, Button, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiClient } from '../api/api-client';
import { successOf } from '../api/api-refusal';
import { useFormats } from '../shared/format';
import { QueryState } from '../shared/QueryState';
import { useApprovalsWaitingForMe, useMyTasks } from './useMyWork';
import type { WaitingApproval, WorkTask } from '../api/api-types';

const recordPath = (kind: string, recordId: string) => `/record/${kind}/${encodeURIComponent(recordId)}`;

const TaskItem = ({ task, onComplete }: { readonly task: WorkTask; readonly onComplete: (task: WorkTask) => void }) => {
  const { t } = useTranslation();
  const formats = useFormats();
  return (
    <Card withBorder padding="sm" component="li" aria-label={task.title}>
      <Group justify="space-between" wrap="nowrap">
        <Stack gap={2}>
          <Group gap="xs">
            <Text fw={600} size="sm">
              {task.title}
            </Text>
            {task.overdue && (
              <Badge color="red" variant="filled" size="xs">
                {t('myWork.overdue')}
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            <Anchor component={Link} to={recordPath(task.kind, task.recordId)} size="xs" underline="always">
              {task.recordName ?? task.recordId}
            </Anchor>
            {' · '}
            {task.dueAt === null ? t('record.noDueDate') : t('record.due', { date: formats.dateTime(task.dueAt) })}
          </Text>
        </Stack>
        <Button size="xs" variant="light" onClick={() => onComplete(task)} aria-label={t('record.completeTask', { title: task.title })}>
          {t('record.complete')}
        </Button>
      </Group>
    </Card>
  );
};

const ApprovalItem = ({ approval }: { readonly approval: WaitingApproval }) => {
  const { t } = useTranslation();
  const formats = useFormats();
  return (
    <Card withBorder padding="sm" component="li">
      <Stack gap={2}>
        <Anchor component={Link} to={recordPath(approval.kind, approval.recordId)} fw={600} size="sm">
          {approval.recordName ?? approval.recordId}
        </Anchor>
        <Text size="xs" c="dimmed">
          {t('myWork.approvalLine', { event: approval.event, user: approval.requestedBy, when: formats.dateTime(approval.requestedAt), steps: approval.waitingFor.join(', ') })}
        </Text>
      </Stack>
    </Card>
  );
};

/** My tasks (overdue first) and the approvals waiting for me; both follow others' changes live. */
export const MyWorkPage = () => {
  const { t } = useTranslation();
  const api = useApiClient();
  const queries = useQueryClient();
  const tasks = useMyTasks();
  const approvals = useApprovalsWaitingForMe();
  const complete = (task: WorkTask) => {
    void successOf(api.POST('/records/{kind}/{id}/tasks/{taskId}/complete', { params: { path: { kind: task.kind, id: task.recordId, taskId: task.taskId } }, body: {} })).then(() =>
      queries.invalidateQueries({ queryKey: ['tasks'] }),
    );
  };
  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        {t('myWork.title')}
      </Title>
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('myWork.tasks')}
            </Title>
            <QueryState query={tasks}>
              {(items) =>
                items.length === 0 ? (
                  <Text c="dimmed">{t('myWork.noTasks')}</Text>
                ) : (
                  <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('myWork.tasks')}>
                    {items.map((task) => (
                      <TaskItem key={task.taskId} task={task} onComplete={complete} />
                    ))}
                  </Stack>
                )
              }
            </QueryState>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('myWork.approvals')}
            </Title>
            <QueryState query={approvals}>
              {(items) =>
                items.length === 0 ? (
                  <Text c="dimmed">{t('myWork.noApprovals')}</Text>
                ) : (
                  <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('myWork.approvals')}>
                    {items.map((approval) => (
                      <ApprovalItem key={approval.approvalId} approval={approval} />
                    ))}
                  </Stack>
                )
              }
            </QueryState>
            <Text size="xs" c="dimmed">
              {t('myWork.notificationsLater')}
            </Text>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
};
