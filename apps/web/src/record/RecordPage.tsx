import { Badge, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { NextStep, RecordView } from '../api/api-types';
import { ApiRefusal } from '../api/api-refusal';
import { AdvancePanel, type Refusal } from '../advance/AdvancePanel';
import { unmetOf, useAdvanceRecord } from '../advance/useAdvanceRecord';
import type { FieldInputValue } from '../advance/UnmetCriteriaForm';
import { useSession } from '../session/SessionProvider';
import { useFormats } from '../shared/format';
import { QueryState } from '../shared/QueryState';
import { useBlueprint } from '../shared/useBlueprint';
import { AccountSubscriptions } from '../accounts/AccountSubscriptions';
import { OrderSection } from '../orders/OrderSection';
import { QuoteSection } from '../quotes/QuoteSection';
import { SubscriptionSection } from '../subscriptions/SubscriptionSection';
import { ApprovalsPanel } from './ApprovalsPanel';
import { NextSteps } from './NextSteps';
import { RecordFieldsForm } from './RecordFieldsForm';
import { RecordLinks } from './RecordLinks';
import { StagePath } from './StagePath';
import { TasksPanel } from './TasksPanel';
import { Timeline } from './Timeline';
import { useCompleteTask, useDecideApproval, useRecord, useRecordHistory, useUpdateFields } from './useRecord';

const RecordHeader = ({ record }: { readonly record: RecordView }) => {
  const { t } = useTranslation();
  const formats = useFormats();
  const name = typeof record.fields['name'] === 'string' ? record.fields['name'] : record.id;
  return (
    <Stack gap={4}>
      <Group gap="sm">
        <Title order={1} size="h2">
          {name}
        </Title>
        <Badge size="lg">{record.stageTitle}</Badge>
        {record.stalledSince !== null && (
          <Badge color="stalled" variant="filled">
            {t('board.card.stalled')}
          </Badge>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {t('record.summary', {
          kind: t(`kinds.${record.kind}`, { defaultValue: record.kind }),
          owner: record.owner ?? t('record.pool'),
          since: formats.dateTime(record.stageEnteredAt),
          version: record.blueprint.version,
        })}
      </Text>
    </Stack>
  );
};

/** Steps fired from the page: allowed ones move; refused ones open the panel with the fields they lack. */
const useRecordSteps = (record: RecordView | undefined) => {
  const advance = useAdvanceRecord();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fire = (step: { event: string; title: string }, fields?: Record<string, FieldInputValue>) => {
    if (record === undefined) return;
    const name = typeof record.fields['name'] === 'string' ? record.fields['name'] : record.id;
    advance.mutate(
      { kind: record.kind, recordId: record.id, event: step.event, fields },
      {
        onSuccess: () => {
          setRefusal(null);
          setError(null);
        },
        onError: (failure) => {
          const unmet = unmetOf(failure);
          if (unmet !== null) setRefusal({ kind: record.kind, recordId: record.id, recordName: name, event: step.event, stepTitle: step.title, unmet });
          else setError(failure instanceof ApiRefusal ? failure.body.message : String(failure));
        },
      },
    );
  };
  return {
    tryStep: (step: NextStep) => fire(step),
    retry: (values: Record<string, FieldInputValue>) => refusal !== null && fire({ event: refusal.event, title: refusal.stepTitle }, values),
    refusal,
    error,
    busy: advance.isPending,
    close: () => setRefusal(null),
  };
};

export const RecordPage = () => {
  const { kind = '', id = '' } = useParams();
  const session = useSession();
  const record = useRecord(kind, id);
  const history = useRecordHistory(kind, id);
  const blueprint = useBlueprint(record.data?.blueprint.id ?? kind, record.data?.blueprint.version);
  const steps = useRecordSteps(record.data);
  const update = useUpdateFields(kind, id);
  const complete = useCompleteTask(kind, id);
  const decide = useDecideApproval(kind, id);
  const definition = blueprint.data?.definition;
  const stageTitle = (stage: string) => definition?.stages.find((candidate) => candidate.id === stage)?.title ?? stage;

  return (
    <QueryState query={record}>
      {(view) => (
        <Stack gap="lg">
          <RecordHeader record={view} />
          {definition !== undefined && <StagePath record={view} definition={definition} />}
          {steps.error !== null && (
            <Text c="red" role="alert">
              {steps.error}
            </Text>
          )}
          {view.kind === 'quote' && definition !== undefined && <QuoteSection record={view} initialStage={definition.initialStage} history={history.data} />}
          {view.kind === 'order' && history.data !== undefined && <OrderSection record={view} history={history.data} />}
          {view.kind === 'subscription' && history.data !== undefined && <SubscriptionSection record={view} history={history.data} />}
          {view.kind === 'account' && <AccountSubscriptions accountId={view.id} />}
          <Grid gap="xl">
            <Grid.Col span={{ base: 12, md: 7 }}>
              <Stack gap="lg">
                <NextSteps record={view} busy={steps.busy} onTry={steps.tryStep} />
                <TasksPanel tasks={view.tasks} busy={complete.isPending} onComplete={(task) => complete.mutate(task.taskId)} />
                <ApprovalsPanel
                  approvals={view.approvals}
                  session={session}
                  busy={decide.isPending}
                  onDecide={(approval, decision, text) => decide.mutate({ approvalId: approval.approvalId, decision, text })}
                />
                {definition !== undefined && (
                  <RecordFieldsForm
                    key={view.revision}
                    definitions={definition.fields}
                    fields={view.fields}
                    revision={view.revision}
                    closed={view.final}
                    busy={update.isPending}
                    error={update.error}
                    onSave={(fields, expectedRevision) => update.mutate({ fields, expectedRevision })}
                  />
                )}
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Stack gap="lg">
                {definition !== undefined && <RecordLinks definitions={definition.fields} fields={view.fields} />}
                <QueryState query={history}>{(entries) => <Timeline entries={entries} stageTitle={stageTitle} />}</QueryState>
              </Stack>
            </Grid.Col>
          </Grid>
          <AdvancePanel refusal={steps.refusal} fields={definition?.fields ?? []} busy={steps.busy} error={null} onRetry={steps.retry} onClose={steps.close} />
        </Stack>
      )}
    </QueryState>
  );
};
