import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

/**
 * How people and companies are written, reduced to what identifies them (README, Intake and dedup):
 * the match keys dedup compares. Pure functions; the lead keeps what was sent.
 */

// NFKC folds full-width forms (ＡＣＭＥ, ＠, （）) into their ASCII ones, as an Asian keyboard or a pasted form may send them.
const folded = (text: string): string => text.normalize('NFKC');

// The same shape the blueprint's `email` type accepts: one @, a dot in the domain, no blanks.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** Trimmed and lower-cased; null when it is no address. */
export const normalizeEmail = (raw: string): string | null => {
  const email = folded(raw).trim().toLowerCase();
  return email.length <= 254 && EMAIL.test(email) ? email : null;
};

/** A region libphonenumber knows (ISO 3166-1 alpha-2, upper-case). */
export const isPhoneRegion = (region: string): region is CountryCode => isSupportedCountry(region);

/**
 * E.164 (`+14155552671`): an international number as it is, a national one read in `defaultRegion`;
 * null when it is no valid number there. An unknown region is a configuration mistake, so it throws.
 */
export const normalizePhone = (raw: string, defaultRegion: string): string | null => {
  if (!isPhoneRegion(defaultRegion)) throw new Error(`unknown phone region "${defaultRegion}" (expected an ISO 3166-1 alpha-2 code such as US or CN)`);
  const phone = parsePhoneNumberFromString(folded(raw).trim(), { defaultCountry: defaultRegion });
  return phone !== undefined && phone.isValid() ? phone.number : null;
};

/**
 * Legal forms that say how a company is registered, not which company it is; dropped from the end of a
 * name, repeatedly ("Co., Ltd."), after punctuation became blanks (so "S.A." is "s a").
 */
const LEGAL_FORMS: readonly string[] = [
  'ltd', 'limited', 'inc', 'incorporated', 'llc', 'l l c', 'llp', 'lp', 'plc', 'gmbh', 'mbh', 'ag', 'kg', 'gmbh co kg', 's a', 'sa', 's a s', 'sas',
  'sarl', 's r l', 'srl', 's p a', 'spa', 'b v', 'bv', 'n v', 'nv', 'oy', 'ab', 'as', 'a s', 'aps', 'kk', 'k k', 'pte', 'pty', 'pvt', 'co', 'company',
  'corp', 'corporation', 'group', 'holding', 'holdings',
].sort((a, b) => b.length - a.length);

// "Holdings" names a company as often as it registers one ("Globex Holdings"); only the legal forms proper go.
const KEPT_WHEN_ALONE: ReadonlySet<string> = new Set(['group', 'holding', 'holdings']);
const DROPPED_FORMS = LEGAL_FORMS.filter((form) => !KEPT_WHEN_ALONE.has(form));

const CHINESE_LEGAL_FORMS: readonly string[] = ['股份有限公司', '有限责任公司', '有限公司', '集团公司', '集团', '公司', '总公司'].sort((a, b) => b.length - a.length);

// A bracketed part is where a name says where (ACME（上海）有限公司) or what group (（集团）), not who.
const BRACKETED = /[(（[［【][^)）\]］】]*[)）\]］】]/g;
const PUNCTUATION = /[\p{P}\p{S}]+/gu;
const BLANKS = /\s+/g;

const withoutTrailing = (name: string, forms: readonly string[], separator: string): string => {
  let rest = name;
  for (let changed = true; changed; ) {
    changed = false;
    for (const form of forms) {
      if (rest.length > form.length && rest.endsWith(`${separator}${form}`)) {
        rest = rest.slice(0, rest.length - form.length - separator.length).trimEnd();
        changed = true;
        break;
      }
    }
  }
  return rest;
};

/**
 * Lower-case, punctuation and brackets gone, blanks collapsed, a leading "the" and the trailing legal
 * forms dropped, English ("Ltd", "Limited", "Inc", "GmbH", "S.A.", "Co., Ltd.") and Chinese (有限公司,
 * 股份有限公司, 集团…): "ACME Ltd." and "Acme Limited" are both "acme". A name that is nothing but a
 * legal form keeps it.
 */
export const normalizeCompanyName = (raw: string): string => {
  const plain = folded(raw).toLowerCase().replace(BRACKETED, ' ').replace(PUNCTUATION, ' ').replace(BLANKS, ' ').trim();
  const chinese = withoutTrailing(plain, CHINESE_LEGAL_FORMS, '');
  const english = withoutTrailing(chinese, DROPPED_FORMS, ' ');
  const unprefixed = english.startsWith('the ') ? english.slice(4) : english;
  return unprefixed.length > 0 ? unprefixed : plain;
};

/** Lower-case, punctuation gone, words in alphabetical order: "LEE, Ann" and "ann lee" are one name. */
export const normalizePersonName = (raw: string): string =>
  folded(raw).toLowerCase().replace(PUNCTUATION, ' ').split(BLANKS).filter((word) => word.length > 0).sort().join(' ');

const HAN = /\p{Script=Han}/u;

/**
 * Where similar companies are looked for: the first word of the normalized name, or the first two
 * characters of a Chinese name (written without blanks). Spellings that normalize alike share it.
 */
export const companyBlockKey = (normalizedCompany: string): string => {
  const first = normalizedCompany.split(' ')[0] ?? '';
  return HAN.test(first.charAt(0)) ? [...first].slice(0, 2).join('') : first;
};
