import { stringify } from 'yaml';

/** A small lead → account, contact, deal conversion, with pieces a test may replace. */
export const convertingLead = (conversion: Record<string, unknown> = leadConversion()): Record<string, unknown> => ({
  id: 'lead',
  version: 1,
  kind: 'lead',
  initialStage: 'new',
  fields: {
    name: { type: 'string' },
    company: { type: 'string' },
    email: { type: 'email' },
    budget: { type: 'money' },
    source: { type: 'enum', values: ['web', 'event'] },
    deal: { type: 'reference', to: 'deal' },
  },
  stages: {
    new: { order: 1, probability: 0, forecastCategory: 'omitted' },
    qualified: { order: 2, probability: 0, forecastCategory: 'omitted' },
    converted: { order: 3, probability: 0, forecastCategory: 'omitted', outcome: 'won' },
  },
  transitions: [
    { event: 'qualify', from: 'new', to: 'qualified' },
    { event: 'convert', from: 'qualified', to: 'converted', requires: ['company'] },
  ],
  conversion,
});

export const leadConversion = (): Record<string, unknown> => ({
  on: 'convert',
  creates: [
    { as: 'account', kind: 'account', match: { field: 'name', by: 'company_name' }, fields: { name: 'company' } },
    { as: 'contact', kind: 'contact', match: { field: 'email', by: 'email' }, fields: { name: 'name', email: 'email', account: '$account' } },
    { as: 'deal', kind: 'deal', fields: { name: 'company', amount: 'budget', source: 'source', account: '$account', lead: '$record' } },
  ],
  link: { deal: '$deal' },
});

const simple = (kind: string, fields: Record<string, unknown>): Record<string, unknown> => ({
  id: kind,
  version: 1,
  kind,
  initialStage: 'active',
  fields,
  stages: { active: { order: 1, probability: 0, forecastCategory: 'omitted' } },
});

export const TARGETS: Record<string, Record<string, unknown>> = {
  account: simple('account', { name: { type: 'string' } }),
  contact: simple('contact', { name: { type: 'string' }, email: { type: 'email' }, account: { type: 'reference', to: 'account' } }),
  deal: simple('deal', {
    name: { type: 'string' },
    amount: { type: 'money' },
    source: { type: 'enum', values: ['web', 'event', 'partner'] },
    account: { type: 'reference', to: 'account' },
    lead: { type: 'reference', to: 'lead' },
  }),
};

export const yamlOf = (document: Record<string, unknown>): string => stringify(document);
