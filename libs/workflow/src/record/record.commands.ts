import type { ApprovalCommand } from '../approvals/approvals.commands';
import type { TaskCommand } from '../tasks/tasks.commands';
import type { TimerCommand } from '../timers/timers.commands';
import type { ConversionCommand } from '../conversion/conversion.commands';
import type { CoreCommand } from '../core/core.commands';
import type { HistoryImportCommand } from '../history-import/history-import.commands';
import type { OwnershipCommand } from '../ownership/ownership.commands';
import type { TransitionCommand } from '../transition/transition.commands';
import type { LeadPoolCommand } from '../lead-pool/lead-pool.commands';
import type { ScoringCommand } from '../scoring/scoring.commands';
import type { OrdersCommand } from '../orders/orders.commands';
import type { LeadDedupCommand } from '../lead-dedup/lead-dedup.commands';
import type { QuoteLinesCommand } from '../quote-lines/quote-lines.commands';
import type { MigrationCommand } from '../migration/migration.commands';

/** Every command the built-in record slices declare. */
export type RecordCommand = CoreCommand | TransitionCommand | OwnershipCommand | HistoryImportCommand | TaskCommand | TimerCommand | ApprovalCommand | LeadPoolCommand | ScoringCommand | LeadDedupCommand | ConversionCommand | MigrationCommand | OrdersCommand | QuoteLinesCommand;
