import { Alert, Group, Stack, Text, Title } from '@mantine/core';
import { DndContext, DragOverlay, PointerSensor, useSensor, useSensors, type DragEndEvent, type DragStartEvent } from '@dnd-kit/core';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BlueprintDefinition, RecordView } from '../api/api-types';
import { AdvancePanel, type Refusal } from '../advance/AdvancePanel';
import { unmetOf, useAdvanceRecord } from '../advance/useAdvanceRecord';
import type { FieldInputValue } from '../advance/UnmetCriteriaForm';
import { useLiveChanges } from '../live/LiveUpdatesProvider';
import { hasRole, useSession } from '../session/SessionProvider';
import type { Session } from '../session/session-storage';
import { QueryState } from '../shared/QueryState';
import { useBlueprint } from '../shared/useBlueprint';
import { ApiRefusal } from '../api/api-refusal';
import classes from './Board.module.css';
import { BoardColumn, FinalStageDropZone } from './BoardColumn';
import { BoardFilters } from './BoardFilters';
import { boardColumns, boardDealsOf, filterChoices, finalStages, NO_FILTERS, openStages, transitionBetween, type BoardDeal, type BoardFilters as Filters } from './board-model';
import { DealCard } from './DealCard';
import { useBoardDeals, usePlaceOnBoard } from './useBoardDeals';
import { useBoardPipeline } from './usePipeline';

const KIND = 'opportunity';

/** A rep starts on their own deals, a manager on their team's: what they may read one by one anyway. */
const defaultFilters = (session: Session): Filters => {
  if (hasRole(session, 'admin', 'analyst', 'process_owner')) return NO_FILTERS;
  if (hasRole(session, 'manager') && session.user.team !== null) return { ...NO_FILTERS, team: session.user.team };
  if (hasRole(session, 'rep')) return { ...NO_FILTERS, owner: session.user.id };
  return NO_FILTERS;
};

const pendingApprovers = (record: RecordView): string[] =>
  record.approvals.filter((approval) => approval.status === 'pending').flatMap((approval) => approval.waitingFor);

const messageOf = (error: unknown): string => (error instanceof ApiRefusal ? error.body.message : String(error));

/** Drags a deal, fires the step, and handles what the API answers: moved, waiting for approvers, or refused. */
const useDealMoves = (definition: BlueprintDefinition | undefined) => {
  const { t } = useTranslation();
  const advance = useAdvanceRecord();
  const { place, refresh } = usePlaceOnBoard(KIND);
  /** Where a dragged card shows until the API answered (it returns when refused). */
  const [moving, setMoving] = useState<ReadonlyMap<string, string>>(new Map());
  const [awaiting, setAwaiting] = useState<ReadonlyMap<string, readonly string[]>>(new Map());
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [panelError, setPanelError] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);

  const settle = (recordId: string) =>
    setMoving((current) => {
      const next = new Map(current);
      next.delete(recordId);
      return next;
    });
  const noteApprovals = useCallback((record: RecordView) => {
    setAwaiting((current) => new Map(current).set(record.id, pendingApprovers(record)));
  }, []);

  const fire = (deal: Pick<BoardDeal, 'recordId' | 'name'>, event: string, stepTitle: string, fields?: Record<string, FieldInputValue>) => {
    advance.mutate(
      { kind: KIND, recordId: deal.recordId, event, fields },
      {
        onSuccess: ({ record, awaitingApproval }) => {
          place(record);
          noteApprovals(record);
          settle(deal.recordId);
          setRefusal(null);
          setNotice(awaitingApproval ? { tone: 'info', text: t('board.awaitingApproval', { name: deal.name, approvers: pendingApprovers(record).join(', ') }) } : null);
        },
        onError: (error) => {
          settle(deal.recordId);
          const unmet = unmetOf(error);
          if (unmet !== null) {
            setPanelError(null);
            setRefusal({ kind: KIND, recordId: deal.recordId, recordName: deal.name, event, stepTitle, unmet });
          } else if (refusal !== null) setPanelError(messageOf(error));
          else setNotice({ tone: 'error', text: messageOf(error) });
        },
      },
    );
  };

  const move = (deal: BoardDeal, toStage: string) => {
    if (definition === undefined || toStage === deal.stage) return;
    const event = transitionBetween(definition, deal.stage, toStage);
    const target = definition.stages.find((stage) => stage.id === toStage);
    if (event === null || target === undefined) {
      setNotice({ tone: 'error', text: t('board.noStep', { name: deal.name, stage: target?.title ?? toStage }) });
      return;
    }
    setMoving((current) => new Map(current).set(deal.recordId, toStage));
    const title = definition.transitions.find((transition) => transition.event === event)?.title ?? event;
    fire(deal, event, title);
  };

  const retry = (values: Record<string, FieldInputValue>) => {
    if (refusal === null) return;
    fire({ recordId: refusal.recordId, name: refusal.recordName }, refusal.event, refusal.stepTitle, values);
  };

  // Others' changes: the record as the API answers it now replaces its card (or removes it).
  useLiveChanges((changes) => {
    for (const change of changes.records) {
      if (change.kind !== KIND) continue;
      void refresh(change.recordId).then((record) => {
        if (record !== null) noteApprovals(record);
      });
    }
  });

  return { move, retry, moving, awaiting, refusal, panelError, notice, busy: advance.isPending, closePanel: () => setRefusal(null) };
};

export const BoardPage = () => {
  const { t } = useTranslation();
  const session = useSession();
  const blueprint = useBlueprint(KIND);
  const definition = blueprint.data?.definition;
  const stageIds = useMemo(() => (definition === undefined ? undefined : openStages(definition).map((stage) => stage.id)), [definition]);
  const deals = useBoardDeals(KIND, stageIds);
  const pipeline = useBoardPipeline(KIND);
  const [filters, setFilters] = useState<Filters>(() => defaultFilters(session));
  const [dragged, setDragged] = useState<BoardDeal | null>(null);
  const moves = useDealMoves(definition);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));

  const boardDeals = useMemo(() => {
    const all = boardDealsOf(deals.data ?? [], pipeline.data);
    return all.map((deal) => ({ ...deal, stage: moves.moving.get(deal.recordId) ?? deal.stage, awaiting: moves.awaiting.get(deal.recordId) ?? deal.awaiting }));
  }, [deals.data, pipeline.data, moves.moving, moves.awaiting]);
  const columns = useMemo(() => (definition === undefined ? [] : boardColumns(definition, boardDeals, pipeline.data, filters)), [definition, boardDeals, pipeline.data, filters]);
  const choices = useMemo(() => filterChoices(boardDeals, pipeline.data), [boardDeals, pipeline.data]);
  const moveTargetsOf = useCallback(
    (deal: BoardDeal) =>
      definition === undefined
        ? []
        : definition.transitions
            .filter((transition) => transition.from.includes(deal.stage))
            .flatMap((transition) => definition.stages.filter((stage) => stage.id === transition.to)),
    [definition],
  );

  const onDragStart = (event: DragStartEvent) => setDragged((event.active.data.current as { deal: BoardDeal } | undefined)?.deal ?? null);
  const onDragEnd = (event: DragEndEvent) => {
    setDragged(null);
    const deal = (event.active.data.current as { deal: BoardDeal } | undefined)?.deal;
    if (deal !== undefined && event.over !== null) moves.move(deal, String(event.over.id));
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="end">
        <Title order={1} size="h2">
          {t('board.title')}
        </Title>
        <BoardFilters filters={filters} choices={choices} onChange={setFilters} />
      </Group>
      <div role="status" aria-live="polite">
        {moves.notice !== null && (
          <Alert color={moves.notice.tone === 'error' ? 'red' : 'violet'} withCloseButton={false}>
            {moves.notice.text}
          </Alert>
        )}
      </div>
      <QueryState query={blueprint}>
        {({ definition: loaded }) => (
          <QueryState query={deals}>
            {() => (
              <DndContext sensors={sensors} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setDragged(null)}>
                <div className={classes.columns}>
                  {columns.map((column) => (
                    <BoardColumn
                      key={column.stage.id}
                      column={column}
                      currency={loaded.currency}
                      narrowed={filters.product !== null || filters.closePeriod !== null}
                      moveTargetsOf={moveTargetsOf}
                      onMove={moves.move}
                    />
                  ))}
                  {finalStages(loaded).map((stage) => (
                    <FinalStageDropZone key={stage.id} stage={stage} />
                  ))}
                </div>
                <DragOverlay>{dragged !== null && <DealCard deal={dragged} currency={loaded.currency} moveTargets={[]} onMove={moves.move} overlay />}</DragOverlay>
              </DndContext>
            )}
          </QueryState>
        )}
      </QueryState>
      <Text size="xs" c="dimmed">
        {t('board.legend')}
      </Text>
      <AdvancePanel refusal={moves.refusal} fields={definition?.fields ?? []} busy={moves.busy} error={moves.panelError} onRetry={moves.retry} onClose={moves.closePanel} />
    </Stack>
  );
};
