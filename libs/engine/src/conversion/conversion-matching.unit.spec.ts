import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { conversionMatchKey, DEFAULT_PHONE_REGION, phoneRegionOf } from './conversion-matching';

describe('conversion matching', () => {
  const keyOf = conversionMatchKey('GB');

  it('given company names that differ in case, punctuation and legal form, then they are one company', () => {
    expect(keyOf('company_name', 'ACME Ltd.')).toBe(keyOf('company_name', 'Acme Limited'));
    expect(keyOf('company_name', 'ACME Ltd.')).not.toBe(keyOf('company_name', 'Acme Labs Ltd.'));
  });

  it('given emails and phones written differently, then they are one email and one phone (a national number in the rules\' region)', () => {
    expect(keyOf('email', '  Ann@Acme.Example ')).toBe(keyOf('email', 'ann@acme.example'));
    expect(keyOf('phone', '020 7946 0018')).toBe('+442079460018');
    expect(keyOf('phone', '+44 20 7946 0018')).toBe('+442079460018');
  });

  it('given nothing to compare (empty, blank, null), then there is no key: nothing is matched', () => {
    expect(keyOf('company_name', '   ')).toBeNull();
    expect(keyOf('exact', ' ')).toBeNull();
    expect(keyOf('email', null)).toBeNull();
  });

  describe('phoneRegionOf', () => {
    let directory: string;
    beforeEach(() => (directory = mkdtempSync(join(tmpdir(), 'crm-conversion-region-'))));
    afterEach(() => rmSync(directory, { recursive: true, force: true }));

    it('given the lead match rules name a region, then that one; given no rules file, then the default; given an unknown region, then the file is refused naming it', () => {
      expect(phoneRegionOf(directory)).toBe(DEFAULT_PHONE_REGION);
      writeFileSync(join(directory, 'lead-matching.yaml'), 'kind: lead\ndefaultRegion: CN\nrules:\n  - id: same-email\n    exact: { field: email, as: email }\n');
      expect(phoneRegionOf(directory)).toBe('CN');
      writeFileSync(join(directory, 'lead-matching.yaml'), 'kind: lead\ndefaultRegion: Narnia\nrules:\n  - id: same-email\n    exact: { field: email, as: email }\n');
      expect(() => phoneRegionOf(directory)).toThrow(/defaultRegion/);
    });
  });
});
