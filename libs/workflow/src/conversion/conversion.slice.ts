import { checkFieldValues, checkText } from '../record/command-problems';
import { defineRecordSlice } from '../record/record-slice';
import { requireExisting, requireOpen } from '../record/record-rules';
import type { RecordDraft } from '../record/record.state';
import { fireTransition, transitionRefused } from '../transition/fire-transition';
import { WorkflowException, WorkflowExceptionCode } from '../workflow.exception';
import type { ConversionCommand } from './conversion.commands';
import type { ConversionEvent } from './conversion.events';
import { conversionOf, conversionPart, type RecordConversionState } from './conversion-state';

const updateConversion = (draft: RecordDraft, conversionId: string, change: (conversion: RecordConversionState) => RecordConversionState): void => {
  const conversion = conversionPart.read(draft);
  if (conversion !== null && conversion.conversionId === conversionId) conversionPart.write(draft, change(conversion));
};

/**
 * Conversion (a lead into an opportunity with its account and contact): the converted record's side of
 * the saga. Its commit point, its end when a step is refused; completion is the converting transition
 * (transition slice). The steps in between are other records' commands (README, "Conversion").
 */
export const conversionSlice = defineRecordSlice<ConversionCommand, ConversionEvent>({
  name: 'conversion',
  commands: {
    StartConversion: {
      problems: (command) => {
        const problems: string[] = [];
        checkText(problems, 'conversionId', command.conversionId);
        checkText(problems, 'event', command.event);
        if (!Array.isArray(command.records) || command.records.length === 0) problems.push('records must list the records the conversion opens or links');
        checkFieldValues(problems, 'link', command.link, false);
        return problems;
      },
      access: () => ({ action: 'advance' }),
      decide: (command, state, { blueprint, now, timing }) => {
        const record = requireExisting(state);
        requireOpen(record);
        if (blueprint.definition.conversion?.on !== command.event) {
          throw new WorkflowException(WorkflowExceptionCode.INVALID_COMMAND, `"${command.event}" does not convert a ${record.kind}`, { event: command.event });
        }
        const conversion = conversionOf(record);
        if (conversion !== null && conversion.status === 'pending') {
          throw new WorkflowException(WorkflowExceptionCode.CONVERSION_IN_PROGRESS, `${record.kind} "${record.recordId}" is being converted already`, {
            kind: record.kind,
            recordId: record.recordId,
            conversionId: conversion.conversionId,
          });
        }
        // The converting transition is judged now, with the links it will set: the commit point is only
        // reached when the last step can happen.
        const outcome = fireTransition({
          record,
          blueprint,
          event: command.event,
          supplied: command.link,
          actor: command.actor,
          reason: null,
          commandId: command.commandId,
          now,
          timing,
          mayRequestApproval: false,
        });
        if (outcome.kind === 'refused') throw transitionRefused(record, blueprint, command.event, outcome.unmet);
        return [
          {
            type: 'ConversionStarted',
            data: { recordId: record.recordId, conversionId: command.conversionId, event: command.event, records: command.records, link: command.link, requestedBy: command.actor },
          },
        ];
      },
    },
    AbandonConversion: {
      problems: (command) => {
        const problems: string[] = [];
        checkText(problems, 'conversionId', command.conversionId);
        checkText(problems, 'reason', command.reason, 2_000);
        checkText(problems, 'code', command.code);
        return problems;
      },
      access: () => ({ action: 'advance' }),
      decide: (command, state) => {
        const record = requireExisting(state);
        const conversion = conversionOf(record);
        if (conversion === null || conversion.conversionId !== command.conversionId || conversion.status !== 'pending') {
          throw new WorkflowException(WorkflowExceptionCode.INVALID_COMMAND, `${record.kind} "${record.recordId}" has no conversion ${command.conversionId} under way`, {
            conversionId: command.conversionId,
          });
        }
        return [
          {
            type: 'ConversionFailed',
            data: { recordId: record.recordId, conversionId: command.conversionId, step: command.step, reason: command.reason, code: command.code, opened: command.opened },
          },
        ];
      },
    },
  },
  events: {
    ConversionStarted: {
      evolve: (draft, event) => {
        const { conversionId, event: transition, records, link, requestedBy } = event.data;
        conversionPart.write(draft, { conversionId, event: transition, status: 'pending', records, link, requestedBy, startedAt: event.occurredAt, committedOn: event.revision - 1, reason: null, code: null, step: null });
      },
    },
    ConversionCompleted: {
      evolve: (draft, event) => updateConversion(draft, event.data.conversionId, (conversion) => ({ ...conversion, status: 'completed' })),
    },
    ConversionFailed: {
      evolve: (draft, event) =>
        updateConversion(draft, event.data.conversionId, (conversion) => ({ ...conversion, status: 'failed', reason: event.data.reason, code: event.data.code, step: event.data.step })),
    },
  },
});
