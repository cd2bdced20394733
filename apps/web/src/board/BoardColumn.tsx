import { Group, Stack, Text, Title } from '@mantine/core';
import { useDroppable } from '@dnd-kit/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { StageDefinition } from '../api/api-types';
import { useFormats } from '../shared/format';
import { BOARD } from '../theme/theme';
import type { BoardColumn as Column, BoardDeal } from './board-model';
import classes from './Board.module.css';
import { DealCard } from './DealCard';

interface ColumnProps {
  readonly column: Column;
  readonly currency: string;
  /** Product or close-period filters narrow the cards, not the read model's figures: say how many are shown. */
  readonly narrowed: boolean;
  readonly moveTargetsOf: (deal: BoardDeal) => readonly StageDefinition[];
  readonly onMove: (deal: BoardDeal, stage: string) => void;
}

const ColumnHeader = ({ column, currency, narrowed }: Pick<ColumnProps, 'column' | 'currency' | 'narrowed'>) => {
  const { t } = useTranslation();
  const formats = useFormats();
  return (
    <Stack gap={2} className={classes.columnHeader}>
      <Group justify="space-between" wrap="nowrap">
        <Title order={2} size="h5">
          {column.stage.title}
        </Title>
        <Text size="sm" fw={600} aria-label={t('board.column.countLabel', { count: column.totals.count })}>
          {formats.number(column.totals.count)}
        </Text>
      </Group>
      <Text size="xs" c="dimmed">
        {t('board.column.amounts', {
          amount: formats.money(column.totals.amount, currency),
          weighted: formats.money(column.totals.weightedAmount, currency),
        })}
      </Text>
      {narrowed && (
        <Text size="xs" c="dimmed">
          {t('board.column.shown', { count: column.deals.length })}
        </Text>
      )}
    </Stack>
  );
};

/** Only the cards in view are in the page (TanStack Virtual): a column of 500 deals costs what 10 do. */
const VirtualCards = ({ column, currency, moveTargetsOf, onMove }: Omit<ColumnProps, 'narrowed'>) => {
  const scroller = useRef<HTMLDivElement>(null);
  const rows = useVirtualizer({
    count: column.deals.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => BOARD.cardHeight + BOARD.cardGap,
    overscan: 4,
    getItemKey: (index) => column.deals[index].recordId,
  });
  return (
    <div ref={scroller} className={classes.cards}>
      <div style={{ height: rows.getTotalSize(), position: 'relative' }}>
        {rows.getVirtualItems().map((row) => {
          const deal = column.deals[row.index];
          return <DealCard key={row.key} deal={deal} currency={currency} moveTargets={moveTargetsOf(deal)} onMove={onMove} top={row.start} />;
        })}
      </div>
    </div>
  );
};

export const BoardColumn = (props: ColumnProps) => {
  const { setNodeRef, isOver } = useDroppable({ id: props.column.stage.id });
  return (
    <section ref={setNodeRef} className={classes.column} data-over={isOver || undefined} aria-label={props.column.stage.title}>
      <ColumnHeader column={props.column} currency={props.currency} narrowed={props.narrowed} />
      <VirtualCards column={props.column} currency={props.currency} moveTargetsOf={props.moveTargetsOf} onMove={props.onMove} />
    </section>
  );
};

/** A final stage (won, lost): a place to drop a deal, no cards (closed deals leave the board). */
export const FinalStageDropZone = ({ stage }: { readonly stage: StageDefinition }) => {
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: stage.id });
  return (
    <section ref={setNodeRef} className={`${classes.column} ${classes.finalColumn}`} data-over={isOver || undefined} aria-label={stage.title}>
      <Stack gap={2} className={classes.columnHeader}>
        <Title order={2} size="h5">
          {stage.title}
        </Title>
        <Text size="xs" c="dimmed">
          {t('board.column.dropToClose')}
        </Text>
      </Stack>
    </section>
  );
};
