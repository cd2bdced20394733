import type { FieldValues } from '@crm/blueprint';
import { SeededRandom } from './seeded-random';

/** How an arriving lead relates to the leads kept already (README, Intake and dedup). */
export type ArrivalKind = 'new' | 'same-email' | 'same-phone' | 'same-company-and-person';

export interface LeadArrival {
  readonly kind: ArrivalKind;
  readonly externalId: string;
  readonly fields: FieldValues;
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'to', 'va', 'shi', 'bel', 'dor', 'fen', 'gar', 'hol', 'jin', 'kor', 'lum', 'mar', 'nor', 'pel', 'quin', 'ros', 'sal', 'tam', 'ul', 'ven', 'wes', 'xan', 'yor', 'zel'];
const NOUNS = ['Systems', 'Logistics', 'Foods', 'Labs', 'Health', 'Capital', 'Motors', 'Textiles', 'Robotics', 'Energy', 'Media', 'Pharma'];
const FORMS = [['Ltd.', 'Limited'], ['Inc.', 'Incorporated'], ['GmbH', 'GmbH'], ['Co., Ltd.', 'Company Limited'], ['LLC', 'L.L.C.']] as const;
const FIRST = ['Ann', 'Bo', 'Chen', 'Dara', 'Eli', 'Fatima', 'Gus', 'Hana', 'Ivan', 'Jun', 'Kofi', 'Lena', 'Mei', 'Nils', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sven', 'Tara', 'Uma', 'Vik', 'Wen', 'Yusuf', 'Zoe'];
const LAST = ['Lee', 'Park', 'Schmidt', 'Okafor', 'Garcia', 'Nakamura', 'Rossi', 'Haddad', 'Kowalski', 'Silva', 'Zhang', 'Novak', 'Murphy', 'Dubois', 'Ivanova'];
const INDUSTRIES = ['software', 'financial_services', 'healthcare', 'manufacturing', 'retail', 'education', 'public_sector', 'other'];
const SOURCES = ['web', 'referral', 'event', 'outbound', 'partner', 'other'];

/**
 * One made-up lead, unique by its index: a company whose first word comes from about 24,000 made-up
 * words (the match index blocks by it, as real company names spread), a person, an email and a US phone
 * no other index shares.
 */
const leadOf = (index: number, random: SeededRandom): { fields: FieldValues; form: (typeof FORMS)[number] } => {
  const word = `${random.pick(SYLLABLES)}${random.pick(SYLLABLES)}${random.pick(SYLLABLES)}`;
  const company = `${word[0]?.toUpperCase()}${word.slice(1)} ${random.pick(NOUNS)}`;
  const form = random.pick(FORMS);
  const first = random.pick(FIRST);
  const last = random.pick(LAST);
  return {
    form,
    fields: {
      name: `${first} ${last}`,
      company: `${company} ${form[0]}`,
      email: `${first}.${last}.${index}@${word}.example`.toLowerCase(),
      // 555-01xx numbers are fictional; the index makes each one unique.
      phone: `+1 (415) ${String(200 + Math.floor(index / 10_000)).padStart(3, '0')}-${String(index % 10_000).padStart(4, '0')}`,
      jobTitle: random.pick(['CTO', 'Head of Sales', 'Buyer', 'Engineer', 'CFO']),
      industry: random.pick(INDUSTRIES),
      employees: random.int(5, 20_000),
      source: random.pick(SOURCES),
    },
  };
};

/** The leads kept already: `count` distinct leads. */
export const existingLeads = (seed: number, count: number): LeadArrival[] => {
  const random = new SeededRandom(seed);
  return Array.from({ length: count }, (_, index) => ({ kind: 'new' as const, externalId: `seed-${index}`, fields: leadOf(index, random).fields }));
};

/**
 * Leads arriving after the kept ones: 70% new, and 10% each the same person as a kept lead written
 * another way — the email with spaces and capitals, the phone in another format, or the company with
 * its legal form spelled out ("ACME Ltd." as "Acme Limited") and a new email and phone.
 */
export const arrivingLeads = (seed: number, existing: number, count: number, firstIndex: number): LeadArrival[] => {
  const random = new SeededRandom(seed + 1);
  const again = new SeededRandom(seed);
  const kept = Array.from({ length: existing }, (_, index) => leadOf(index, again));
  return Array.from({ length: count }, (_, offset) => {
    const index = firstIndex + offset;
    const externalId = `form-${index}`;
    const fresh = leadOf(index, random);
    const roll = random.next();
    if (roll < 0.7 || kept.length === 0) return { kind: 'new', externalId, fields: fresh.fields };
    const { fields: old, form } = kept[random.int(0, kept.length - 1)] as (typeof kept)[number];
    if (roll < 0.8) return { kind: 'same-email', externalId, fields: { ...fresh.fields, name: old['name'] ?? null, email: `  ${String(old['email']).toUpperCase()} ` } };
    if (roll < 0.9) {
      const digits = String(old['phone']).replace(/\D/g, '');
      return { kind: 'same-phone', externalId, fields: { ...fresh.fields, name: old['name'] ?? null, phone: `${digits.slice(1, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}` } };
    }
    const company = String(old['company']);
    return { kind: 'same-company-and-person', externalId, fields: { ...fresh.fields, name: old['name'] ?? null, company: `${company.slice(0, company.length - form[0].length).toUpperCase()}${form[1]}` } };
  });
};
