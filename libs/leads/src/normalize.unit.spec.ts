import { companyBlockKey, normalizeCompanyName, normalizeEmail, normalizePersonName, normalizePhone } from './normalize';

describe('normalizeEmail', () => {
  it('given an address in another case with spaces around it, when normalized, then it is trimmed and lower-cased', () => {
    expect(normalizeEmail('  Ann.Lee@ACME.Example \t')).toBe('ann.lee@acme.example');
  });

  it('given full-width characters from an Asian keyboard, when normalized, then they read as their ASCII forms', () => {
    expect(normalizeEmail('ｌｉ．ｗｅｉ＠ａｃｍｅ．ｃｎ')).toBe('li.wei@acme.cn');
  });

  it.each(['', '   ', 'ann', 'ann@', '@acme.example', 'ann@acme', 'ann lee@acme.example', 'ann@@acme.example'])(
    'given "%s", which is no address, when normalized, then there is none',
    (raw) => {
      expect(normalizeEmail(raw)).toBeNull();
    },
  );
});

describe('normalizePhone', () => {
  it.each([
    ['(415) 555-2671', 'US', '+14155552671'],
    ['415.555.2671', 'US', '+14155552671'],
    ['+1 415 555 2671', 'CN', '+14155552671'],
    ['001 415 555 2671', 'CN', '+14155552671'],
    ['138 0013 8000', 'CN', '+8613800138000'],
    ['+86 (10) 6552-9988', 'US', '+861065529988'],
    ['＋８６ １３８００１３８０００', 'US', '+8613800138000'],
  ])('given "%s" read in region %s, when normalized, then it is %s (E.164)', (raw, region, expected) => {
    expect(normalizePhone(raw, region)).toBe(expected);
  });

  it('given the same number in two formats, when normalized, then both are equal', () => {
    expect(normalizePhone('+1 (415) 555-2671', 'US')).toBe(normalizePhone('4155552671', 'US'));
  });

  it.each(['', 'call me', '12345', '+1 555'])('given "%s", which is no valid number, when normalized, then there is none', (raw) => {
    expect(normalizePhone(raw, 'US')).toBeNull();
  });

  it('given an unknown default region, when a number without its country code is normalized, then it is refused', () => {
    expect(() => normalizePhone('415 555 2671', 'XX')).toThrow(/region "XX"/);
  });
});

describe('normalizeCompanyName', () => {
  it.each([
    ['ACME Ltd.', 'acme'],
    ['Acme Limited', 'acme'],
    ['Acme, Inc.', 'acme'],
    ['ACME Incorporated', 'acme'],
    ['Acme LLC', 'acme'],
    ['Acme GmbH', 'acme'],
    ['Acme AG', 'acme'],
    ['Acme S.A.', 'acme'],
    ['Acme Co., Ltd.', 'acme'],
    ['Acme Corp', 'acme'],
    ['Acme Corporation', 'acme'],
    ['The Acme Company', 'acme'],
    ['Globex  Holdings   PLC', 'globex holdings'],
    ['Müller & Söhne GmbH', 'müller söhne'],
  ])('given "%s", when normalized, then it is "%s"', (raw, expected) => {
    expect(normalizeCompanyName(raw)).toBe(expected);
  });

  it.each([
    ['阿里巴巴有限公司', '阿里巴巴'],
    ['华为技术有限公司', '华为技术'],
    ['中国平安保险（集团）股份有限公司', '中国平安保险'],
    ['腾讯控股有限公司', '腾讯控股'],
    ['海尔集团', '海尔'],
    ['小米科技有限责任公司', '小米科技'],
    ['ＡＣＭＥ（上海）有限公司', 'acme'],
  ])('given the Chinese name "%s", when normalized, then its legal form is dropped: "%s"', (raw, expected) => {
    expect(normalizeCompanyName(raw)).toBe(expected);
  });

  it('given a name that is only a legal form, when normalized, then the form is kept rather than nothing', () => {
    expect(normalizeCompanyName('Limited')).toBe('limited');
  });

  it('given a legal form inside the name, when normalized, then only trailing forms are dropped', () => {
    expect(normalizeCompanyName('Inc Media Ltd')).toBe('inc media');
  });

  it('given blanks and punctuation only, when normalized, then the name is empty', () => {
    expect(normalizeCompanyName(' .,; ')).toBe('');
  });
});

describe('normalizePersonName', () => {
  it('given a name in another order, case and punctuation, when normalized, then it reads the same', () => {
    expect(normalizePersonName('LEE, Ann')).toBe(normalizePersonName(' ann   lee '));
  });

  it('given a Chinese name written without blanks, when normalized, then it is kept as written', () => {
    expect(normalizePersonName(' 李伟 ')).toBe('李伟');
  });
});

describe('companyBlockKey', () => {
  it('given two spellings of one company, when blocked, then both fall in the same block', () => {
    expect(companyBlockKey(normalizeCompanyName('ACME Ltd.'))).toBe(companyBlockKey(normalizeCompanyName('Acme Limited')));
  });

  it('given a Chinese name without spaces, when blocked, then its first two characters are the block', () => {
    expect(companyBlockKey('阿里巴巴')).toBe('阿里');
  });
});
