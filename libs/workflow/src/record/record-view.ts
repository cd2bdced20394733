import type { Actor, BlueprintRef, CompiledBlueprint, FieldValues, TimerAction } from '@crm/blueprint';
import { actionableSteps, isLive } from '../approvals/approval-requests';
import { conversionOf } from '../conversion/conversion-state';
import { scoreView, type ScoreView } from '../scoring/score-view';
import { explainRecord, type NextStep } from './explain-record';
import type { ApprovalStepState, ExistingRecord } from './record.state';

/** An open task as a user sees it. */
export interface OpenTask {
  readonly taskId: string;
  readonly template: string;
  readonly title: string;
  readonly stage: string;
  readonly assignee: string | null;
  readonly dueAt: string | null;
}

/** An approval request still in play: waiting for approvers, or approved and about to be used. */
export interface ApprovalView {
  readonly approvalId: string;
  readonly event: string;
  readonly status: 'pending' | 'approved';
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly mode: string;
  readonly steps: readonly ApprovalStepState[];
  /** The approvers who may act now, by step title. */
  readonly waitingFor: readonly string[];
}

export interface TimerView {
  readonly timerId: string;
  readonly timer: string;
  readonly dueAt: string;
  readonly action: TimerAction;
}

/** A record the conversion opened or found. */
export interface ConvertedRecordView {
  readonly as: string;
  readonly kind: string;
  readonly recordId: string;
  /** Found by its match (linked), not opened. */
  readonly found: boolean;
}

/** The record's latest conversion: under way, done, or refused with the reason (README, "Conversion"). */
export interface ConversionView {
  readonly conversionId: string;
  readonly event: string;
  readonly status: 'pending' | 'completed' | 'failed';
  readonly startedAt: string;
  readonly requestedBy: string;
  readonly records: readonly ConvertedRecordView[];
  /** failed: what was refused, its code, and the step (null: the converting transition itself). */
  readonly reason: string | null;
  readonly code: string | null;
  readonly step: string | null;
}

const conversionView = (state: ExistingRecord): ConversionView | null => {
  const conversion = conversionOf(state);
  if (conversion === null) return null;
  return {
    conversionId: conversion.conversionId,
    event: conversion.event,
    status: conversion.status,
    startedAt: conversion.startedAt,
    requestedBy: conversion.requestedBy.id,
    records: conversion.records.map(({ as, kind, recordId, found }) => ({ as, kind, recordId, found })),
    reason: conversion.reason,
    code: conversion.code,
    step: conversion.step,
  };
};

/** A record as a user sees it (the API's `GET /records/:kind/:id`, the CLI's `record show`). */
export interface RecordView {
  readonly kind: string;
  readonly id: string;
  readonly stage: string;
  readonly stageTitle: string;
  readonly final: boolean;
  readonly owner: string | null;
  readonly fields: FieldValues;
  readonly revision: number;
  readonly blueprint: BlueprintRef;
  readonly openedAt: string;
  readonly updatedAt: string;
  readonly stageEnteredAt: string;
  /** Since when the record has been stalled in its stage (a `stalledAfter` timer fired); null when it is not. */
  readonly stalledSince: string | null;
  readonly tasks: readonly OpenTask[];
  readonly approvals: readonly ApprovalView[];
  /** The stage's timers still to come. */
  readonly timers: readonly TimerView[];
  /** Its latest conversion; null when it was never converted. */
  readonly conversion: ConversionView | null;
  /** Every event the record could take next, for the asking user, with what blocks it. */
  readonly next: readonly NextStep[];
  /** The score and its breakdown by rule; absent when the record's blueprint scores nothing. */
  readonly score?: ScoreView;
}

/** `next`: the record's next steps as the command handler explains them (`nextSteps`, naming role holders); default without names. */
export const recordView = (state: ExistingRecord, blueprint: CompiledBlueprint, user: Actor, next?: readonly NextStep[]): RecordView => {
  const stage = blueprint.stage(state.stage);
  return {
    kind: state.kind,
    id: state.recordId,
    stage: state.stage,
    stageTitle: stage?.title ?? state.stage,
    final: stage?.final ?? false,
    owner: state.owner,
    fields: state.fields,
    revision: state.revision,
    blueprint: blueprint.ref,
    openedAt: state.openedAt,
    updatedAt: state.updatedAt,
    stageEnteredAt: state.stageEnteredAt,
    stalledSince: state.stalledSince,
    tasks: state.tasks
      .filter((task) => task.status === 'open')
      .map(({ taskId, template, title, stage: taskStage, assignee, dueAt }) => ({ taskId, template, title, stage: taskStage, assignee, dueAt })),
    approvals: state.approvals.filter(isLive).map((request) => ({
      approvalId: request.approvalId,
      event: request.event,
      status: request.status === 'approved' ? 'approved' : 'pending',
      requestedBy: request.requestedBy.id,
      requestedAt: request.requestedAt,
      mode: request.mode,
      steps: request.steps,
      waitingFor: actionableSteps(request).map(({ step }) => step.title),
    })),
    timers: state.timers.map(({ timerId, timer, dueAt, action }) => ({ timerId, timer, dueAt, action })),
    conversion: conversionView(state),
    next: next ?? explainRecord(state, blueprint, { id: user.id, roles: user.roles }),
    ...scoreOf(state, blueprint),
  };
};

const scoreOf = (state: ExistingRecord, blueprint: CompiledBlueprint): { score?: ScoreView } => {
  const score = scoreView(state, blueprint);
  return score === undefined ? {} : { score };
};
