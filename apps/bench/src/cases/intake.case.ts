import { join } from 'node:path';
import { SteppingClock } from '../workload/business-clock';
import { Engine } from '@crm/engine';
import { IntakeKeys, LeadIntake, RateLimiter, type IntakeResult } from '@crm/intake';
import { openAccess } from '@crm/workflow';
import type { CaseResult, CaseSettings } from '../case-result';
import { countEventsOfType } from '../measure/count-events';
import { CpuProfiler } from '../measure/cpu-profiler';
import { Latencies, stopwatch } from '../measure/latencies';
import { peakRssMiB } from '../measure/peak-rss';
import { blueprintsDirectory } from '../workload/bench-engine';
import { runConcurrentCallers } from '../workload/concurrent-callers';
import { arrivingLeads, existingLeads, type ArrivalKind, type LeadArrival } from '../workload/lead-arrivals';

const CALLERS = 64;
const SYSTEM = { id: 'system:bench', roles: ['system'] };

/**
 * Lead intake with dedup against a large base (README, Intake and dedup): 100,000 leads kept already
 * (10,000 with `--quick`), taken in through the dedup path before the clock starts, so every one holds
 * its email, phone and intake keys and sits in the similarity index. Then, on the same store and engine:
 *
 * - `intake.open` (the reference): plain OpenRecord commands of new leads through the engine's command
 *   handler, no dedup, 64 callers;
 * - `intake`: web forms through `LeadIntake.take` as `POST /intake/leads` calls it (the key checked, its
 *   rate taken, the form parsed and checked, the match rules applied, the keys claimed, the lead captured
 *   or merged), one form per call, 64 callers: 70% new leads, 10% each the same email in another case
 *   with spaces, the same phone in another format, and the same company (legal form spelled out) and person.
 */
export const runIntakeCase = async (settings: CaseSettings): Promise<CaseResult[]> => {
  const directory = join(settings.workDirectory, 'intake');
  const kept = settings.quick ? 10_000 : 100_000;
  const measuredLeads = settings.quick ? 5_000 : 20_000;
  const clock = new SteppingClock('2026-03-02T08:00:00.000Z', 1_000);
  const engine = await Engine.open({ dataDirectory: directory, blueprintsDirectory, clock, policy: openAccess });
  const dedup = engine.leads;
  if (dedup === null) throw new Error('the shipped blueprints have no lead-matching.yaml: the intake case needs its rules');

  // Setup (timed apart): the kept leads, each through the dedup path so its keys are claimed.
  const seedTimer = stopwatch();
  await runConcurrentCallers(existingLeads(settings.seed, kept), CALLERS, async (lead) => {
    await dedup.capture(lead.fields, { source: 'import', externalId: lead.externalId, campaign: null, utm: {} }, { commandId: `seed:${lead.externalId}`, actor: SYSTEM });
  });
  const seedSeconds = seedTimer();

  // Reference: plain opens of new leads (fields of the same shape), no dedup.
  const plain = arrivingLeads(settings.seed + 7, 0, measuredLeads, kept + measuredLeads);
  const openLatencies = new Latencies();
  const openTimer = stopwatch();
  await runConcurrentCallers(plain, CALLERS, async (lead) => {
    await openLatencies.time(() => engine.commands.execute({ type: 'OpenRecord', kind: 'lead', commandId: `open:${lead.externalId}`, actor: SYSTEM, fields: lead.fields }));
  });
  const openSeconds = openTimer();

  const keys = new IntakeKeys(engine.store, clock);
  const issued = await keys.create({ source: 'web', name: 'Bench forms', ratePerMinute: 1_000_000 }, { actor: SYSTEM, commandId: 'bench:key', authorize: () => undefined });
  const intake = new LeadIntake(keys, new RateLimiter(clock), dedup);
  const arrivals = arrivingLeads(settings.seed, kept, measuredLeads, kept);
  const expected = new Map<ArrivalKind, number>();
  for (const arrival of arrivals) expected.set(arrival.kind, (expected.get(arrival.kind) ?? 0) + 1);
  const outcomes = { created: 0, merged: 0, reviews: 0, mergedAsExpected: 0 };
  const mergedBy = new Map<string, number>();
  const latencies = new Latencies();
  const profiler = await CpuProfiler.startIf(settings.profileDirectory);
  const timer = stopwatch();
  await runConcurrentCallers(arrivals, CALLERS, async (arrival: LeadArrival) => {
    const form = { externalId: arrival.externalId, ...arrival.fields, utm_source: 'bench' };
    const { results } = await latencies.time(() => intake.take(issued.key, form));
    const result = results[0] as IntakeResult;
    outcomes[result.status] += 1;
    if (result.review !== null) outcomes.reviews += 1;
    if (result.rule !== null) mergedBy.set(result.rule, (mergedBy.get(result.rule) ?? 0) + 1);
    if (result.status === 'merged' && arrival.kind !== 'new') outcomes.mergedAsExpected += 1;
  });
  const seconds = timer();
  await profiler?.stop(join(settings.profileDirectory ?? '', 'intake.cpuprofile'));
  const leadMergedEvents = await countEventsOfType(engine.store, 'LeadMerged');
  await engine.close();

  const openRate = measuredLeads / openSeconds;
  const rate = measuredLeads / seconds;
  const duplicatesSent = measuredLeads - (expected.get('new') ?? 0);
  return [
    {
      status: 'measured',
      id: 'intake.open',
      title: 'Plain OpenRecord of new leads (no dedup), 64 callers',
      rate: { value: openRate, unit: 'leads/s' },
      latencyMs: openLatencies.summary(),
      peakRssMiB: peakRssMiB(),
      details: { leads: measuredLeads, seconds: openSeconds, concurrency: CALLERS },
    },
    {
      status: 'measured',
      id: 'intake',
      title: `Intake with dedup against ${kept.toLocaleString('en-US')} kept leads, 64 callers, one web form per call`,
      rate: { value: rate, unit: 'leads/s' },
      latencyMs: latencies.summary(),
      peakRssMiB: peakRssMiB(),
      details: {
        keptLeads: kept,
        leads: measuredLeads,
        sentNew: expected.get('new') ?? 0,
        sentSameEmail: expected.get('same-email') ?? 0,
        sentSamePhone: expected.get('same-phone') ?? 0,
        sentSameCompanyAndPerson: expected.get('same-company-and-person') ?? 0,
        created: outcomes.created,
        merged: outcomes.merged,
        // Every duplicate sent must merge; a few new leads may merge too (a made-up person alike enough at a company alike enough).
        duplicatesMerged: outcomes.mergedAsExpected,
        duplicatesMissed: duplicatesSent - outcomes.mergedAsExpected,
        mergedBy: [...mergedBy].map(([rule, count]) => `${rule}×${count}`).join(', ') || null,
        reviewTasks: outcomes.reviews,
        leadMergedEvents,
        ratioToPlainOpen: rate / openRate,
        seconds,
        seedLeadsPerSecond: kept / seedSeconds,
        concurrency: CALLERS,
      },
    },
  ];
};
