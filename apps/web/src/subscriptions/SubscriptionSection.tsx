import { Anchor, Badge, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HistoryEntry, RecordView, Score } from '../api/api-types';
import { useFormats } from '../shared/format';
import { CopiedLinesPart } from '../orders/OrderSection';
import { copiedLinesOf } from '../orders/order-facts';
import { tasksOf } from './renewal-tasks';

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

const Fact = ({ label, children }: { readonly label: string; readonly children: ReactNode }) => (
  <Stack gap={0}>
    <Text size="xs" c="dimmed">
      {label}
    </Text>
    <Text size="sm" fw={600} component="div">
      {children}
    </Text>
  </Stack>
);

/** The health score as its declared inputs fold (usage, support tickets, payment delays), with each rule's points. */
const HealthScore = ({ score }: { readonly score: Score | undefined }) => {
  const { t } = useTranslation();
  const formats = useFormats();
  if (score === undefined || score.lastActivityAt === null) {
    return (
      <Text size="sm" c="dimmed">
        {t('subscription.noHealth')}
      </Text>
    );
  }
  return (
    <Stack gap={4} aria-label={t('subscription.health')} role="group">
      <Text fw={700}>{t('subscription.healthScore', { score: formats.number(score.score, 2) })}</Text>
      <List size="sm">
        {score.breakdown.map((share) => (
          <List.Item key={share.rule}>{`${share.title}: ${formats.number(share.points, 2)}`}</List.Item>
        ))}
      </List>
      <Text size="xs" c="dimmed">
        {t('subscription.lastActivity', { when: formats.dateTime(score.lastActivityAt) })}
      </Text>
    </Stack>
  );
};

/**
 * A subscription (README, Renewals): its contract end and term, the renewal stage and timers still to
 * come, the renewal tasks its stages opened, the renewal opportunity, the outcome, the health score, and
 * this term's lines.
 */
export const SubscriptionSection = ({ record, history }: { readonly record: RecordView; readonly history: readonly HistoryEntry[] }) => {
  const { t } = useTranslation();
  const formats = useFormats();
  const { fields } = record;
  const contractEnd = text(fields['contractEnd']);
  const renewal = text(fields['renewalOpportunity']);
  const movement = text(fields['movement']);
  const copied = copiedLinesOf(history);
  const tasks = tasksOf(history);
  const termAmount =
    copied !== null ? formats.minorMoney(copied.totalMinor, copied.currency, copied.minorDigits) : typeof fields['termAmount'] === 'number' ? formats.money(fields['termAmount'], text(fields['currency']) ?? undefined) : '—';
  return (
    <section aria-label={t('subscription.title')}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('subscription.title')}
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Fact label={t('subscription.contractEnd')}>{contractEnd === null ? '—' : formats.date(contractEnd)}</Fact>
          <Fact label={t('subscription.termAmount')}>{termAmount}</Fact>
          <Fact label={t('subscription.stage')}>{record.stageTitle}</Fact>
          <Fact label={t('subscription.outcome')}>{movement === null ? t('subscription.noOutcome') : t(`fieldValues.${movement}`, { defaultValue: movement })}</Fact>
        </SimpleGrid>
        {record.timers.length > 0 && (
          <Fact label={t('subscription.nextTimers')}>
            <List size="sm">
              {record.timers.map((timer) => (
                <List.Item key={timer.timerId}>{t('subscription.timerDue', { timer: timer.action.event ?? timer.timer, when: formats.date(timer.dueAt) })}</List.Item>
              ))}
            </List>
          </Fact>
        )}
        <Fact label={t('subscription.renewalOpportunity')}>
          {renewal === null ? (
            <Text size="sm" c="dimmed">
              {t('subscription.noRenewalOpportunity')}
            </Text>
          ) : (
            <Anchor component={Link} to={`/record/opportunity/${encodeURIComponent(renewal)}`}>
              {t('record.linkTo', { kind: t('kinds.opportunity'), id: renewal })}
            </Anchor>
          )}
        </Fact>
        <Title order={3} size="h5">
          {t('subscription.renewalTasks')}
        </Title>
        {tasks.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('subscription.noRenewalTasks')}
          </Text>
        ) : (
          <Table withTableBorder aria-label={t('subscription.renewalTasks')}>
            <Table.Tbody>
              {tasks.map((task) => (
                <Table.Tr key={task.taskId}>
                  <Table.Td>{task.title}</Table.Td>
                  <Table.Td>{task.dueAt === null ? t('record.noDueDate') : t('record.due', { date: formats.dateTime(task.dueAt) })}</Table.Td>
                  <Table.Td>
                    <Badge color={task.status === 'open' ? 'violet' : 'gray'}>{t(task.status === 'open' ? 'subscription.taskOpen' : 'subscription.taskDone')}</Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Group gap="xs">
          <Title order={3} size="h5">
            {t('subscription.health')}
          </Title>
        </Group>
        <HealthScore score={record.score} />
        {copied !== null && (
          <>
            <Title order={3} size="h5">
              {t('subscription.term')}
            </Title>
            <CopiedLinesPart copied={copied} />
          </>
        )}
      </Stack>
    </section>
  );
};
