import { createHash } from 'node:crypto';
import { fieldValueOf, RECORD_ID_SOURCE, stepSourceOf, type ConversionStep, type FieldValue, type FieldValues, type MatchRule } from '@crm/blueprint';
import { deriveId } from '@crm/command-handler';
import type { ExistingRecord } from '../record/record.state';
import type { ConversionCompleted, PlannedRecord } from './conversion.events';
import type { RecordConversionState } from './conversion-state';

/**
 * The comparable form of a value under a match rule (`acme` for "ACME Ltd."), or null when there is
 * nothing to compare (no value, or not a valid email or phone): then the step always opens a record.
 */
export type MatchKeyOf = (rule: MatchRule, value: FieldValue) => string | null;

/** One conversion per converting command: a retried command finds its own conversion again. */
export const conversionIdFor = (commandId: string): string => deriveId(commandId, 'conversion');

/** The command ids of a conversion's steps: a resumed conversion sends the very same commands. */
export const openStepCommandId = (conversionId: string, as: string): string => deriveId(conversionId, `open:${as}`);
export const completeCommandId = (conversionId: string): string => deriveId(conversionId, 'complete');
export const abandonCommandId = (conversionId: string): string => deriveId(conversionId, 'abandon');

const SLUG_LENGTH = 40;

/**
 * The id a matched record gets when the conversion opens it, derived from what it matches on: two
 * conversions of the same company at the same moment both aim at one id, and the store's "already
 * exists" settles which opens it (the other links it). Readable where the key is: `acme-3f9c1a20b4`.
 */
export const keyedRecordId = (kind: string, rule: MatchRule, key: string): string => {
  const digest = createHash('sha256').update(`${kind}\u0000${rule}\u0000${key}`).digest('hex').slice(0, 10);
  const slug = key
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_LENGTH)
    .replace(/-+$/, '');
  return slug === '' ? `${kind}-${digest}` : `${slug}-${digest}`;
};

/** A step's fields from the converted record, its id and the ids of earlier steps; unset values left out. */
export const mappedFields = (step: ConversionStep, record: ExistingRecord, idsSoFar: ReadonlyMap<string, string>): FieldValues =>
  Object.fromEntries(
    Object.entries(step.fields).flatMap(([target, source]): [string, FieldValue][] => {
      if (source === RECORD_ID_SOURCE) return [[target, record.recordId]];
      const stepName = stepSourceOf(source);
      if (stepName !== null) {
        const id = idsSoFar.get(stepName);
        return id === undefined ? [] : [[target, id]];
      }
      const value = fieldValueOf(record.fields, source);
      return value === undefined || value === null ? [] : [[target, value]];
    }),
  );

/** The converted record's link fields, from the planned ids. */
export const linkFields = (link: Readonly<Record<string, string>>, ids: ReadonlyMap<string, string>): FieldValues =>
  Object.fromEntries(
    Object.entries(link).flatMap(([field, source]): [string, FieldValue][] => {
      const stepName = stepSourceOf(source);
      const id = stepName === null ? undefined : ids.get(stepName);
      return id === undefined ? [] : [[field, id]];
    }),
  );

/** The planned records without what only the plan needs. */
export const conversionCompleted = (recordId: string, conversion: RecordConversionState): ConversionCompleted => ({
  type: 'ConversionCompleted',
  data: {
    recordId,
    conversionId: conversion.conversionId,
    records: conversion.records.map(({ as, kind, recordId: id, found }) => ({ as, kind, recordId: id, found })),
  },
});

export type { PlannedRecord };
