import { Badge, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Approval, ApprovalStep } from '../api/api-types';
import type { Session } from '../session/session-storage';

/** Whether to offer this user the step's buttons: its role or its named user. The API judges the decision. */
const mayDecide = (step: ApprovalStep, session: Session): boolean =>
  step.status === 'waiting' && (step.user === session.user.id || (step.role !== undefined && session.user.roles.includes(step.role)));

const Decision = ({ busy, onDecide }: { busy: boolean; onDecide: (decision: 'grant' | 'reject', text: string) => void }) => {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  return (
    <Group align="end" gap="xs">
      <TextInput size="xs" label={t('record.approvalComment')} value={text} onChange={(event) => setText(event.currentTarget.value)} style={{ flex: 1 }} />
      <Button size="xs" color="teal" loading={busy} onClick={() => onDecide('grant', text)}>
        {t('record.grant')}
      </Button>
      <Button size="xs" color="red" variant="light" loading={busy} disabled={text.trim() === ''} onClick={() => onDecide('reject', text)} title={t('record.rejectNeedsReason')}>
        {t('record.reject')}
      </Button>
    </Group>
  );
};

export const ApprovalsPanel = ({
  approvals,
  session,
  busy,
  onDecide,
}: {
  readonly approvals: readonly Approval[];
  readonly session: Session;
  readonly busy: boolean;
  readonly onDecide: (approval: Approval, decision: 'grant' | 'reject', text: string) => void;
}) => {
  const { t } = useTranslation();
  if (approvals.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('record.approvals')}
      </Title>
      {approvals.map((approval) => (
        <Card key={approval.approvalId} withBorder padding="sm">
          <Stack gap="xs">
            <Group gap="xs">
              <Text fw={600}>{approval.event}</Text>
              <Badge color={approval.status === 'pending' ? 'violet' : 'teal'}>{t(`record.approvalStatus.${approval.status}`)}</Badge>
              <Text size="xs" c="dimmed">
                {t('record.requestedBy', { user: approval.requestedBy })}
              </Text>
            </Group>
            {approval.steps.map((step) => (
              <Group key={step.title} gap="xs">
                <Badge color={step.status === 'granted' ? 'teal' : step.status === 'rejected' ? 'red' : 'gray'}>{t(`record.stepStatus.${step.status}`)}</Badge>
                <Text size="sm">{step.title}</Text>
                {step.by !== null && <Text size="xs" c="dimmed">{step.comment === null ? step.by : `${step.by}: ${step.comment}`}</Text>}
              </Group>
            ))}
            {approval.status === 'pending' && approval.steps.some((step) => mayDecide(step, session)) && (
              <Decision busy={busy} onDecide={(decision, text) => onDecide(approval, decision, text)} />
            )}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
};
