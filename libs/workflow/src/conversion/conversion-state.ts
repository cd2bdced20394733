import type { Actor, FieldValues } from '@crm/blueprint';
import { recordPart, type ExistingRecord } from '../record/record.state';
import { WorkflowException, WorkflowExceptionCode } from '../workflow.exception';
import type { PlannedRecord } from './conversion.events';

/** The record's latest conversion, folded from its conversion events. */
export interface RecordConversionState {
  readonly conversionId: string;
  readonly event: string;
  readonly status: 'pending' | 'completed' | 'failed';
  readonly records: readonly PlannedRecord[];
  readonly link: FieldValues;
  readonly requestedBy: Actor;
  readonly startedAt: string;
  /** The record's revision the conversion was committed on (its ConversionStarted event's, less one). */
  readonly committedOn: number;
  /** failed: what was refused, and which step (null: the converting transition). */
  readonly reason: string | null;
  readonly code: string | null;
  readonly step: string | null;
}

export const conversionPart = recordPart<RecordConversionState | null>('conversion', null);

export const conversionOf = (record: ExistingRecord): RecordConversionState | null => conversionPart.read(record);

/** Commands a started conversion lets through: its own steps, and timers (they only tell or mark). */
const passesWhilePending = (command: { readonly type: string; readonly conversionId?: unknown }, conversionId: string): boolean =>
  command.conversionId === conversionId || command.type === 'FireTimer';

/**
 * While a conversion is under way the record is the saga's: a change in between could make its last
 * step (the converting transition) fail after the records it opened are there.
 */
export const requireNoConversionUnderWay = (command: { readonly type: string; readonly conversionId?: unknown }, record: ExistingRecord): void => {
  const conversion = conversionOf(record);
  if (conversion === null || conversion.status !== 'pending' || passesWhilePending(command, conversion.conversionId)) return;
  throw new WorkflowException(
    WorkflowExceptionCode.CONVERSION_IN_PROGRESS,
    `${record.kind} "${record.recordId}" is being converted (${conversion.event}, started ${conversion.startedAt}); try again once it is done`,
    { kind: record.kind, recordId: record.recordId, conversionId: conversion.conversionId },
  );
};

/** The converting transition happens only as the last step of the conversion that planned it. */
export const requirePendingConversion = (record: ExistingRecord, event: string, conversionId: string | undefined): RecordConversionState => {
  const conversion = conversionOf(record);
  if (conversion !== null && conversion.status === 'pending' && conversion.conversionId === conversionId && conversion.event === event) return conversion;
  throw new WorkflowException(
    WorkflowExceptionCode.CONVERSION_REQUIRED,
    `"${event}" converts this ${record.kind}: it happens through the conversion, which opens the records it links (fire the transition without a conversion id)`,
    { kind: record.kind, recordId: record.recordId, event },
  );
};
