import { ActionIcon, Anchor, Badge, Group, Menu, Paper, Text } from '@mantine/core';
import { useDraggable } from '@dnd-kit/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StageDefinition } from '../api/api-types';
import { useFormats } from '../shared/format';
import { BOARD } from '../theme/theme';
import type { BoardDeal } from './board-model';
import classes from './Board.module.css';

export interface DealCardProps {
  readonly deal: BoardDeal;
  readonly currency: string;
  /** Stages the blueprint lets this deal move to from its stage (the keyboard path: the Move menu). */
  readonly moveTargets: readonly StageDefinition[];
  readonly onMove: (deal: BoardDeal, stage: string) => void;
  /** Where the virtualized column places it. */
  readonly top?: number;
  readonly overlay?: boolean;
}

const DealFacts = ({ deal, currency }: { readonly deal: BoardDeal; readonly currency: string }) => {
  const { t } = useTranslation();
  const formats = useFormats();
  return (
    <>
      <Text size="xs" c="dimmed" truncate>
        {[deal.owner ?? t('board.card.unowned'), deal.amount === null ? t('board.card.noAmount') : formats.money(deal.amount, currency)].join(' · ')}
      </Text>
      <Text size="xs" c="dimmed" truncate>
        {[
          deal.closeDate === null ? t('board.card.noCloseDate') : t('board.card.closes', { date: formats.date(deal.closeDate) }),
          deal.daysInStage === null ? null : t('board.card.daysInStage', { count: deal.daysInStage }),
        ]
          .filter((part) => part !== null)
          .join(' · ')}
      </Text>
    </>
  );
};

const DealBadges = ({ deal }: { readonly deal: BoardDeal }) => {
  const { t } = useTranslation();
  if (!deal.stalled && deal.awaiting.length === 0) return null;
  return (
    <Group gap="xs" wrap="nowrap">
      {deal.stalled && (
        <Badge color="stalled" variant="filled" size="xs">
          {t('board.card.stalled')}
        </Badge>
      )}
      {deal.awaiting.length > 0 && (
        <Badge color="violet" size="xs" title={deal.awaiting.join(', ')}>
          {t('board.card.awaiting', { approvers: deal.awaiting.join(', ') })}
        </Badge>
      )}
    </Group>
  );
};

const MoveMenu = ({ deal, moveTargets, onMove }: Pick<DealCardProps, 'deal' | 'moveTargets' | 'onMove'>) => {
  const { t } = useTranslation();
  if (moveTargets.length === 0) return null;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" size="sm" aria-label={t('board.card.moveLabel', { name: deal.name })}>
          ⇄
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('board.card.moveTo')}</Menu.Label>
        {moveTargets.map((stage) => (
          <Menu.Item key={stage.id} onClick={() => onMove(deal, stage.id)}>
            {stage.title}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
};

/**
 * One deal: dragged with a pointer to another column, or moved with the keyboard through its Move menu.
 * Only the pointer listeners go on the card (not dnd-kit's role="button"): the card holds a link and a
 * menu button, and interactive elements may not nest.
 */
export const DealCard = memo(({ deal, currency, moveTargets, onMove, top, overlay = false }: DealCardProps) => {
  const { t } = useTranslation();
  const { setNodeRef, listeners, isDragging } = useDraggable({ id: deal.recordId, data: { deal }, disabled: overlay });
  return (
    <Paper
      ref={overlay ? undefined : setNodeRef}
      {...(overlay ? {} : listeners)}
      component="article"
      aria-label={deal.name}
      withBorder
      shadow={overlay ? 'md' : undefined}
      p="sm"
      className={classes.card}
      data-dragging={isDragging || undefined}
      style={{ height: BOARD.cardHeight, ...(top === undefined ? {} : { position: 'absolute', top, left: 0, right: 0 }) }}
    >
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Anchor component={Link} to={`/record/opportunity/${encodeURIComponent(deal.recordId)}`} size="sm" fw={600} truncate>
          {deal.name}
        </Anchor>
        {!overlay && <MoveMenu deal={deal} moveTargets={moveTargets} onMove={onMove} />}
      </Group>
      <DealFacts deal={deal} currency={currency} />
      <DealBadges deal={deal} />
      <span className={classes.visuallyHidden}>{t('board.card.dragHint')}</span>
    </Paper>
  );
});
DealCard.displayName = 'DealCard';
