import { BlueprintException, BlueprintExceptionCode } from './blueprint.exception';
import {
  DEAL_STAGES,
  DEAL_TRANSITIONS,
  dealBlueprint,
  dealDefinition,
  opportunityDefinition,
  problemsOf,
  readFixture,
} from './__fixtures__/deal-blueprint';
import { CEL_RESERVED_NAMES } from './blueprint.names';
import { parseBlueprint, validateBlueprint } from './parse-blueprint';

const thrownBy = (run: () => unknown): BlueprintException => {
  try {
    run();
  } catch (error) {
    if (error instanceof BlueprintException) return error;
    throw error;
  }
  throw new Error('expected a BlueprintException');
};

describe('parseBlueprint: a valid blueprint', () => {
  it('given the full opportunity blueprint, when parsed, then it has the normalized shape', () => {
    const definition = opportunityDefinition();

    expect(definition).toMatchObject({
      id: 'opportunity',
      version: 1,
      kind: 'opportunity',
      title: 'Opportunity',
      description: 'B2B deal from qualification to close.',
      currency: 'USD',
      initialStage: 'qualification',
    });
    expect(definition.fields.map((field) => field.name)).toEqual([
      'name', 'amount', 'discount', 'closeDate', 'budget', 'decisionMaker', 'timeline', 'proposalDocument',
      'account', 'contactEmail', 'contactPhone', 'notes', 'strategic', 'lossReason',
    ]);
    expect(definition.fields[0]).toEqual({ name: 'name', type: 'string', label: 'Deal name' });
    expect(definition.fields.find((field) => field.name === 'account')).toEqual({
      name: 'account', type: 'reference', label: 'Account', to: 'account',
    });
    expect(definition.fields.find((field) => field.name === 'lossReason')?.values).toEqual([
      'price', 'competitor', 'no_decision', 'no_budget', 'timing', 'other',
    ]);
    expect(definition.stages.find((stage) => stage.id === 'proposal')).toEqual({
      id: 'proposal',
      title: 'Proposal',
      order: 3,
      probability: 50,
      forecastCategory: 'best_case',
      outcome: 'none',
      final: false,
      entryTasks: [{ id: 'send_proposal', title: 'Send the proposal to the customer', dueInDays: 3 }],
    });
    expect(definition.stages.find((stage) => stage.id === 'closed_won')).toMatchObject({ outcome: 'won', final: true });
    expect(definition.transitions[2]).toEqual({
      event: 'close_won',
      title: 'Close won',
      from: ['proposal'],
      to: 'closed_won',
      criteria: {
        requires: ['closeDate'],
        expressions: [
          { expression: 'amount > 0 && discount <= 0.2', message: 'Amount must be positive and discount at most 20%' },
        ],
        roles: ['rep', 'manager'],
        ownerOnly: true,
      },
      supply: [],
    });
  });

  it('given any-open, when parsed, then it is expanded to every non-final stage in stage order', () => {
    const definition = opportunityDefinition();

    const closeLost = definition.transitions.find((transition) => transition.event === 'close_lost');

    expect(closeLost?.from).toEqual(['qualification', 'needs_analysis', 'proposal']);
    expect(closeLost?.supply).toEqual(['lossReason']);
  });

  it('given stages declared out of order, when parsed, then they are sorted by order', () => {
    const source = dealBlueprint({
      stages: { open: undefined, negotiating: undefined, won: undefined, lost: undefined },
      top: {
        stages: {
          lost: DEAL_STAGES.lost,
          negotiating: DEAL_STAGES.negotiating,
          won: DEAL_STAGES.won,
          open: DEAL_STAGES.open,
        },
      },
    });

    const definition = parseBlueprint(source, 'deal.blueprint.yaml');

    expect(definition.stages.map((stage) => stage.id)).toEqual(['open', 'negotiating', 'won', 'lost']);
  });

  it('given optional keys left out, when parsed, then defaults are filled in', () => {
    const definition = dealDefinition({ top: { kind: undefined, title: undefined } });

    expect(definition.kind).toBe('deal');
    expect(definition.title).toBe('Deal');
    expect(definition.currency).toBe('USD');
    expect(definition.fields.find((field) => field.name === 'closeDate')?.label).toBe('Close date');
    expect(definition.stages[0]).toMatchObject({ title: 'Open', outcome: 'none', final: false, entryTasks: [] });
    expect(definition.transitions[0]).toMatchObject({ title: 'Negotiate', supply: [] });
    expect(definition.transitions[0].criteria).toEqual({ requires: ['amount'], expressions: [], ownerOnly: false });
    expect(definition.transitions[1].criteria.expressions).toEqual([{ expression: 'amount > 0', message: 'amount > 0 must hold' }]);
  });

  it('given a non-won stage marked final: true, when parsed, then it is final and gets no transitions from any-open', () => {
    const definition = dealDefinition({
      stages: { parked: { order: 5, probability: 0, forecastCategory: 'omitted', final: true } },
      transitions: [...DEAL_TRANSITIONS, { event: 'park', from: 'open', to: 'parked' }],
    });

    expect(definition.stages.find((stage) => stage.id === 'parked')).toMatchObject({ outcome: 'none', final: true });
    expect(definition.transitions.find((transition) => transition.event === 'lose')?.from).toEqual(['open', 'negotiating']);
  });

  it('given a stage whose only way out is an any-open transition, when validated, then it is no dead end', () => {
    const source = dealBlueprint({
      stages: { stalled: { order: 5, probability: 5, forecastCategory: 'pipeline' } },
      transitions: [{ event: 'stall', from: 'open', to: 'stalled' }, ...DEAL_TRANSITIONS],
    });

    const validation = validateBlueprint(source, 'deal.blueprint.yaml');

    expect(validation).toMatchObject({ ok: true, warnings: [] });
  });

  it('given a stage nothing leaves, when validated, then a dead-end warning names it', () => {
    const source = dealBlueprint({
      stages: { stalled: { order: 5, probability: 5, forecastCategory: 'pipeline' } },
      transitions: [
        { event: 'negotiate', from: 'open', to: 'negotiating' },
        { event: 'stall', from: 'open', to: 'stalled' },
        { event: 'win', from: 'negotiating', to: 'won' },
        { event: 'lose', from: 'negotiating', to: 'lost' },
      ],
    });

    const validation = validateBlueprint(source, 'deal.blueprint.yaml');

    expect(validation.ok).toBe(true);
    expect(validation.warnings.map((warning) => `${warning.path}: ${warning.message}`)).toEqual([
      'stages.stalled: stage "stalled" is not final but no transition leaves it (a dead end)',
    ]);
  });
});

describe('parseBlueprint: every problem in one pass', () => {
  it('given a file with every kind of mistake, when parsed, then each one is reported with file and path', () => {
    const error = thrownBy(() => parseBlueprint(readFixture('every-mistake.blueprint.yaml'), 'every-mistake.blueprint.yaml'));

    expect(error.code).toBe(BlueprintExceptionCode.INVALID_BLUEPRINT);
    expect(error.details.problems.map((problem) => `${problem.file}: ${problem.path}: ${problem.message}`)).toEqual([
      'every-mistake.blueprint.yaml: initialStage: is required',
      'every-mistake.blueprint.yaml: stages.forgotten: stage "forgotten" is unreachable: no transitions lead to it from the initial stage "qualification" (the lowest order, taken as initial stage because initialStage is missing or unknown)',
      'every-mistake.blueprint.yaml: transitions[0].requires[0]: unknown field "budjet" (did you mean "budget"?)',
      'every-mistake.blueprint.yaml: transitions[1].when[0]: does not parse: Unexpected token: EOF (at column 14)',
      'every-mistake.blueprint.yaml: transitions[1].when[1].expression: names unknown field "margin": Unknown variable: margin (at column 15)',
      'every-mistake.blueprint.yaml: transitions[3].from: ambiguous: transitions[2] and transitions[3] both handle event "close_lost" from stage "proposal"',
      'every-mistake.blueprint.yaml: transitions[4].to: unknown stage "negotiation"',
    ]);
  });

  it('given problems, when thrown, then the message lists them one per line', () => {
    const error = thrownBy(() => parseBlueprint(readFixture('every-mistake.blueprint.yaml'), 'every-mistake.blueprint.yaml'));

    const lines = error.message.split('\n');

    expect(lines[0]).toBe('invalid blueprint (7 problems):');
    expect(lines).toContain(
      'every-mistake.blueprint.yaml: transitions[0].requires[0]: unknown field "budjet" (did you mean "budget"?)',
    );
    expect(lines).toHaveLength(8);
  });

  it('given problems, when reported, then each carries the line it is on', () => {
    const error = thrownBy(() => parseBlueprint(readFixture('every-mistake.blueprint.yaml'), 'every-mistake.blueprint.yaml'));

    const budjet = error.details.problems.find((problem) => problem.path === 'transitions[0].requires[0]');

    expect(budjet).toMatchObject({ line: 19, column: 16 });
  });

  it('given typos in keys at every level, when parsed, then each unknown key is reported, not ignored', () => {
    const problems = problemsOf(
      dealBlueprint({
        top: { intialStage: 'open' },
        fields: { amount: { type: 'money', lable: 'Amount' } },
        stages: { open: { order: 1, probability: 10, forecastCategory: 'pipeline', entry: { taks: [] } } },
        transitions: [
          { event: 'negotiate', from: 'open', to: 'negotiating', requries: ['amount'] },
          ...DEAL_TRANSITIONS.slice(1),
        ],
      }),
    );

    expect(problems).toEqual([
      'fields.amount.lable: unknown key "lable" (did you mean "label"?); known keys: type, label, description, values, to, groupable, min, max',
      'stages.open.entry.taks: unknown key "taks" (did you mean "tasks"?); known keys: tasks',
      'transitions[0].requries: unknown key "requries" (did you mean "requires"?); known keys: event, title, from, to, requires, supply, when, roles, ownerOnly, requiresTasks, approval',
      'intialStage: unknown key "intialStage" (did you mean "initialStage"?); known keys: id, version, kind, title, description, currency, initialStage, fields, stages, transitions, scoring, conversion',
    ]);
  });

  it('given an unquoted comma in a flow mapping, when parsed, then the stray key is reported with a hint to quote', () => {
    const source = dealBlueprint().replace('discount:\n    type: number\n', 'discount: { type: number, description: Fraction, 0.15 for 15% }\n');

    expect(problemsOf(source)).toEqual([
      'fields.discount["0.15 for 15%"]: unknown key "0.15 for 15%"; known keys: type, label, description, values, to, groupable, min, max; a comma inside an unquoted value in { … } starts a new key, so quote that value',
    ]);
  });

  it('given keys that could pollute prototypes, when parsed, then they are refused', () => {
    expect(problemsOf(`${dealBlueprint()}__proto__: { polluted: true }\nconstructor: 1\n`)).toEqual([
      '__proto__: key "__proto__" is not allowed',
      'constructor: key "constructor" is not allowed',
    ]);
  });

  it('given no stages, when parsed, then at least one is asked for', () => {
    expect(problemsOf(dealBlueprint({ top: { stages: {}, transitions: [] } }))).toEqual([
      'initialStage: unknown stage "open"',
      'stages: must declare at least one stage',
    ]);
  });

  it('given wrong types and bad identifiers, when parsed, then each is reported at its path', () => {
    const problems = problemsOf(
      dealBlueprint({
        top: { id: 'Deal-Flow', version: 0, currency: 'usd' },
        fields: {
          'close-date': { type: 'date' },
          score: { type: 'percentage' },
          lossReason: { type: 'enum' },
          account: { type: 'reference' },
        },
        stages: {
          open: { order: 'first', probability: 120, forecastCategory: 'maybe' },
          Negotiating: { order: 2, probability: 60, forecastCategory: 'commit' },
        },
        transitions: [
          { event: 'negotiate', from: 'open', to: 'Negotiating', ownerOnly: 'yes', roles: [] },
          ...DEAL_TRANSITIONS.slice(1),
        ],
      }),
    );

    expect(problems).toEqual(
      expect.arrayContaining([
        'id: must be a lower-case identifier (a-z, 0-9, _; starting with a letter)',
        'version: must be a positive whole number',
        'currency: must be an ISO 4217 currency code such as USD or EUR',
        'fields.close-date: field name "close-date" must be an identifier starting with a lower-case letter (letters, digits, _)',
        'fields.score.type: must be one of string, text, number, money, date, boolean, email, phone, enum, reference',
        'fields.lossReason.values: is required for an enum field: the allowed values, e.g. [price, timing, other]',
        'fields.account.to: is required for a reference field: the record kind it refers to, e.g. account',
        'stages.open.order: must be a whole number',
        'stages.open.probability: must be a percentage from 0 to 100',
        'stages.open.forecastCategory: must be one of pipeline, best_case, commit, closed, omitted',
        'stages.Negotiating: stage id "Negotiating" must be a lower-case identifier (a-z, 0-9, _; starting with a letter)',
        'transitions[0].to: must be a stage id, a lower-case identifier (a-z, 0-9, _; starting with a letter)',
        'transitions[0].roles: must list at least one role (leave roles out to allow every role)',
        'transitions[0].ownerOnly: must be true or false',
      ]),
    );
  });

  it('given missing required keys, when parsed, then each is reported as required', () => {
    const problems = problemsOf(
      dealBlueprint({
        top: { id: undefined, version: undefined },
        stages: { open: { probability: 10 } },
        transitions: [{ from: 'open' }, ...DEAL_TRANSITIONS],
      }),
    );

    expect(problems).toEqual(
      expect.arrayContaining([
        'id: is required',
        'version: is required',
        'stages.open.order: is required',
        'stages.open.forecastCategory: is required',
        'transitions[0].event: is required',
        'transitions[0].to: is required',
      ]),
    );
  });

  it('given field attributes that do not fit the type, when parsed, then they are reported', () => {
    const problems = problemsOf(
      dealBlueprint({
        fields: {
          amount: { type: 'money', values: ['1', '2'] },
          discount: { type: 'number', to: 'account' },
          lossReason: { type: 'enum', values: ['price', 'price'] },
          in: { type: 'string' },
        },
      }),
    );

    expect(problems).toEqual([
      'fields.amount.values: values only apply to enum fields, not to money',
      'fields.discount.to: to only applies to reference fields, not to number',
      'fields.lossReason.values[1]: value "price" is listed twice',
      `fields.in: field name "in" is reserved in CEL expressions (a CEL keyword); choose another name. Reserved: ${CEL_RESERVED_NAMES.join(', ')}`,
    ]);
  });

  it('given fields named after CEL types and namespaces, when parsed, then each is refused naming the field and why', () => {
    const reserved = `choose another name. Reserved: ${CEL_RESERVED_NAMES.join(', ')}`;

    expect(problemsOf(dealBlueprint({ fields: { int: { type: 'number' }, map: { type: 'string' }, google: { type: 'string' } } }))).toEqual([
      `fields.int: field name "int" is reserved in CEL expressions (a CEL type name); ${reserved}`,
      `fields.map: field name "map" is reserved in CEL expressions (a CEL type name); ${reserved}`,
      `fields.google: field name "google" is reserved in CEL expressions (a CEL namespace); ${reserved}`,
    ]);
  });

  it('given fields named like what every object inherits, when parsed, then each is kept as a field', () => {
    const definition = dealDefinition({ fields: { toString: { type: 'string' }, valueOf: { type: 'number' }, hasOwnProperty: { type: 'boolean' } } });

    expect(definition.fields.map((field) => field.name)).toEqual(['amount', 'discount', 'closeDate', 'lossReason', 'toString', 'valueOf', 'hasOwnProperty']);
  });

  it('given keys named like what every object inherits outside fields, when parsed, then each is an unknown key', () => {
    expect(
      problemsOf(
        dealBlueprint({
          top: { toString: 'x' },
          stages: { open: { order: 1, probability: 10, forecastCategory: 'pipeline', valueOf: 1 } },
          transitions: [{ ...DEAL_TRANSITIONS[0], hasOwnProperty: true }, ...DEAL_TRANSITIONS.slice(1)],
        }),
      ),
    ).toEqual(['stages.open.valueOf: unknown key "valueOf"', 'transitions[0].hasOwnProperty: unknown key "hasOwnProperty"', 'toString: unknown key "toString"']);
  });

  it('given a field or a stage named "constructor", when parsed, then the key is refused instead of crashing the shape check', () => {
    expect(problemsOf(dealBlueprint({ fields: { constructor: { type: 'number' } } }))).toEqual(['fields.constructor: key "constructor" is not allowed']);
    expect(problemsOf(dealBlueprint({ stages: { constructor: { order: 9, probability: 1, forecastCategory: 'pipeline' } } }))).toEqual([
      'stages.constructor: key "constructor" is not allowed',
      'stages.constructor: stage "constructor" is unreachable: no transitions lead to it from the initial stage "open"',
    ]);
  });

  it('given stage rules broken, when parsed, then final initial stage, transitions out of final stages and duplicate orders are reported', () => {
    const problems = problemsOf(
      dealBlueprint({
        top: { initialStage: 'won' },
        stages: { negotiating: { order: 1, probability: 60, forecastCategory: 'commit' } },
        transitions: [...DEAL_TRANSITIONS, { event: 'reopen', from: ['won', 'lost'], to: 'open' }],
      }),
    );

    expect(problems).toEqual([
      'initialStage: the initial stage "won" is final, so no record could ever move',
      'stages.negotiating.order: order 1 is also used by stage "open"',
      'transitions[3].from[0]: stage "won" is final; no transition may leave it',
      'transitions[3].from[1]: stage "lost" is final; no transition may leave it',
    ]);
  });

  it('given an unknown initial stage, when parsed, then it is reported with a suggestion', () => {
    expect(problemsOf(dealBlueprint({ top: { initialStage: 'opne' } }))).toEqual([
      'initialStage: unknown stage "opne" (did you mean "open"?)',
    ]);
  });

  it('given a won stage marked final: false, when parsed, then the contradiction is reported', () => {
    const problems = problemsOf(
      dealBlueprint({ stages: { won: { order: 3, probability: 100, forecastCategory: 'closed', outcome: 'won', final: false } } }),
    );

    expect(problems).toEqual(['stages.won.final: a won stage is always final; remove final: false']);
  });

  it('given unknown stages and fields in transitions, when parsed, then each reference is reported', () => {
    const problems = problemsOf(
      dealBlueprint({
        transitions: [
          { event: 'negotiate', from: ['open', 'opened'], to: 'negotiating', requires: ['amount', 'amont'], supply: ['reason'] },
          ...DEAL_TRANSITIONS.slice(1),
        ],
      }),
    );

    expect(problems).toEqual([
      'transitions[0].from[1]: unknown stage "opened" (did you mean "open"?)',
      'transitions[0].requires[1]: unknown field "amont" (did you mean "amount"?)',
      'transitions[0].supply[0]: unknown field "reason"',
    ]);
  });

  it('given a transition that starts where it ends, when parsed, then it is reported', () => {
    const problems = problemsOf(
      dealBlueprint({ transitions: [...DEAL_TRANSITIONS, { event: 'touch', from: ['open', 'negotiating'], to: 'open' }] }),
    );

    expect(problems).toEqual(['transitions[3].from[0]: the transition starts and ends in stage "open"; it would change nothing']);
  });

  it('given the same event from overlapping stages, when parsed, then both indexes and the stage are named', () => {
    const problems = problemsOf(
      dealBlueprint({
        transitions: [...DEAL_TRANSITIONS, { event: 'negotiate', from: ['negotiating', 'open'], to: 'won' }],
      }),
    );

    expect(problems).toEqual([
      'transitions[3].from: ambiguous: transitions[0] and transitions[3] both handle event "negotiate" from stage "open"',
    ]);
  });

  it('given the same event from disjoint stages, when parsed, then it is not ambiguous', () => {
    const problems = problemsOf(
      dealBlueprint({ transitions: [...DEAL_TRANSITIONS, { event: 'win', from: 'open', to: 'won' }] }),
    );

    expect(problems).toEqual([]);
  });

  it('given a stage no transition leads to, when parsed, then it is unreachable from the initial stage', () => {
    const problems = problemsOf(
      dealBlueprint({ stages: { archived: { order: 9, probability: 0, forecastCategory: 'omitted', final: true } } }),
    );

    expect(problems).toEqual([
      'stages.archived: stage "archived" is unreachable: no transitions lead to it from the initial stage "open"',
    ]);
  });

  it('given CEL that is not a condition or mixes number types, when parsed, then cel-js’s complaint is reported', () => {
    const problems = problemsOf(
      dealBlueprint({
        transitions: [
          DEAL_TRANSITIONS[0],
          { event: 'win', from: 'negotiating', to: 'won', when: ['amount * 2.0', 'amount == 10', { expression: 'closeDate + 1 > 0' }] },
          DEAL_TRANSITIONS[2],
        ],
      }),
    );

    expect(problems).toEqual([
      'transitions[1].when[0]: must be a condition (true or false), but it yields a double',
      'transitions[1].when[1]: is not valid CEL: no such overload: double == int (at column 1); number and money fields are CEL doubles, so write whole numbers with a decimal point (10.0, not 10)',
      'transitions[1].when[2].expression: is not valid CEL: no such overload: string + int (at column 1)',
    ]);
  });

  it('given timers, tasks and approvals, when parsed, then they are normalized into the definition', () => {
    const definition = dealDefinition({
      fields: { validUntil: { type: 'date' } },
      stages: {
        open: {
          order: 1,
          probability: 10,
          forecastCategory: 'pipeline',
          stalledAfter: 'P30D',
          entry: { tasks: [{ id: 'call', title: 'Call them', keepOpen: true }] },
          timers: [
            { id: 'nudge', after: 'PT4H', calendar: 'team', then: 'remind', message: 'Still new' },
            { id: 'give_up', at: 'validUntil + P1D', then: { fire: 'lose' } },
          ],
        },
      },
      transitions: [
        { ...DEAL_TRANSITIONS[0], requiresTasks: ['call'], approval: { steps: [{ role: 'manager', when: 'discount >= 0.1' }, { user: 'ada' }] } },
        DEAL_TRANSITIONS[1],
        DEAL_TRANSITIONS[2],
      ],
    });

    expect(definition.stages[0]).toMatchObject({
      entryTasks: [{ id: 'call', title: 'Call them', keepOpen: true }],
      timers: [
        { id: 'nudge', after: 'PT4H', calendar: 'team', then: { kind: 'remind' }, message: 'Still new' },
        { id: 'give_up', at: { field: 'validUntil', offset: 'P1D' }, then: { kind: 'fire', event: 'lose' } },
        { id: 'stalled_open', after: 'P30D', then: { kind: 'stalled' } },
      ],
    });
    expect(definition.transitions[0]).toMatchObject({
      criteria: { requiresTasks: ['call'] },
      approval: { mode: 'sequential', steps: [{ title: 'Manager', role: 'manager', when: 'discount >= 0.1' }, { title: 'user ada', user: 'ada' }] },
    });
    expect(definition.stages[1]).not.toHaveProperty('timers');
    expect(definition.transitions[1]).not.toHaveProperty('approval');
  });

  it('given broken timers, task requirements and approvals, when parsed, then every problem is named with its path', () => {
    const problems = problemsOf(
      dealBlueprint({
        fields: { validUntil: { type: 'date' } },
        stages: {
          negotiating: {
            order: 2,
            probability: 60,
            forecastCategory: 'commit',
            stalledAfter: 'soon',
            timers: [
              { id: 'a', then: 'remind' },
              { id: 'a', after: 'P2X', at: 'validUntil', then: 'nap' },
              { id: 'b', at: 'amount - P1D', then: { fire: 'negotiate' } },
              { id: 'c', at: 'validUntl', then: 'remind' },
            ],
          },
        },
        transitions: [
          { ...DEAL_TRANSITIONS[0], requiresTasks: ['cal'], approval: { steps: [{ role: 'manager', user: 'ada' }, { role: 'admin', when: 'discont > 0.5' }] } },
          DEAL_TRANSITIONS[1],
          DEAL_TRANSITIONS[2],
        ],
      }),
    );

    expect(problems).toEqual(
      expect.arrayContaining([
        'stages.negotiating.stalledAfter: "soon" is not a positive ISO-8601 duration (PT30M, PT4H, P2D, P1DT4H)',
        'stages.negotiating.timers[0]: a timer needs after: <duration> or at: <date field>',
        'stages.negotiating.timers[1].then: must be one of remind, escalate, stalled, release, or { fire: <event> }',
        'stages.negotiating.timers[1].id: timer id "a" is used twice; timer ids are unique per blueprint',
        'stages.negotiating.timers[1].at: a timer has after or at, not both',
        'stages.negotiating.timers[1].after: "P2X" is not a positive ISO-8601 duration (PT30M, PT4H, P2D, P1DT4H)',
        'stages.negotiating.timers[2].at: field "amount" is a money, not a date',
        'stages.negotiating.timers[2].then.fire: no transition "negotiate" leaves stage "negotiating"',
        'stages.negotiating.timers[3].at: unknown field "validUntl" (did you mean "validUntil"?)',
        'transitions[0].requiresTasks[0]: no stage opens a task "cal"',
        'transitions[0].approval.steps[0]: an approval step names a role or a user (one of them)',
      ]),
    );
    expect(problems.some((problem) => problem.startsWith('transitions[0].approval.steps[1].when: '))).toBe(true);
  });

  it('given broken YAML, when parsed, then the syntax error is reported with line and column', () => {
    const error = thrownBy(() => parseBlueprint('id: deal\nversion: 1\nstages: { open: { order: 1 }\n', 'deal.blueprint.yaml'));

    expect(error.details.problems[0]).toMatchObject({ file: 'deal.blueprint.yaml', path: '', line: 4, column: 1 });
    expect(error.details.problems[0].message).toMatch(/^YAML syntax error at line 4, column 1: /);
  });

  it('given one transition whose target stage is misspelt, when parsed, then that is the one problem reported (no unreachable stages after it)', () => {
    const source = readFixture('opportunity.blueprint.yaml').replace('to: needs_analysis', 'to: needs_analisys');

    expect(problemsOf(source, 'opportunity.blueprint.yaml')).toEqual([expect.stringMatching(/^transitions\[0\]\.to: unknown stage "needs_analisys" \(did you mean "needs_analysis"\?\)$/)]);
  });

  it('given a key twice in one mapping, when parsed, then its path and both lines are named', () => {
    expect(problemsOf('id: deal\nid: other\n')).toContain('id: key "id" appears twice in this mapping (lines 1 and 2); keep one');
  });

  it('given a stage written twice and a transition naming an unknown stage, when parsed, then the duplicate names its path and the other problem is still reported', () => {
    const source = dealBlueprint().replace(/^stages:\n/m, 'stages:\n  won: { title: Won again, order: 9, probability: 100, forecastCategory: closed, outcome: won }\n');
    const withWrongTarget = source.replace(/to: lost/, 'to: lots');

    const problems = problemsOf(withWrongTarget);

    expect(problems).toContainEqual(expect.stringMatching(/^stages\.won: key "won" appears twice in this mapping \(lines \d+ and \d+\); keep one$/));
    expect(problems).toContainEqual(expect.stringContaining('lots'));
  });

  it('given an empty file or a list, when parsed, then the document itself is reported', () => {
    expect(problemsOf('')).toEqual([
      ': the file is empty; a blueprint is a YAML mapping with id, version, initialStage, fields, stages and transitions',
    ]);
    expect(problemsOf('- id: deal\n')).toEqual([
      ': the document is not a mapping; a blueprint is a YAML mapping with id, version, initialStage, fields, stages and transitions',
    ]);
  });
});
