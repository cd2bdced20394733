import type { FieldValues } from '@crm/blueprint';
import type { RecordCommandBase } from '../record/record-command';
import type { PlannedRecord } from './conversion.events';

/** Commits a planned conversion (see `RecordConversion`); sent by the conversion, not by clients. */
export interface StartConversion extends RecordCommandBase {
  readonly type: 'StartConversion';
  readonly recordId: string;
  readonly conversionId: string;
  readonly event: string;
  readonly records: readonly PlannedRecord[];
  readonly link: FieldValues;
}

/** Ends a started conversion that a later step could not carry out. */
export interface AbandonConversion extends RecordCommandBase {
  readonly type: 'AbandonConversion';
  readonly recordId: string;
  readonly conversionId: string;
  readonly step: string | null;
  readonly reason: string;
  readonly code: string;
  readonly opened: readonly { readonly as: string; readonly kind: string; readonly recordId: string }[];
}

export type ConversionCommand = StartConversion | AbandonConversion;
