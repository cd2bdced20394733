import { IsIn, IsOptional, validateSync } from 'class-validator';
import { IsAsOf, isAsOf, IsNotBeforePeriod, IsPeriodOfRequestKind, isPeriodOf, isWindowBound } from './business-time.validators';

class ForecastLikeRequest {
  @IsOptional()
  @IsIn(['month', 'quarter'])
  periodKind?: string;

  @IsOptional()
  @IsPeriodOfRequestKind()
  from?: string;

  @IsOptional()
  @IsPeriodOfRequestKind()
  @IsNotBeforePeriod('from')
  to?: string;

  @IsOptional()
  @IsAsOf()
  asOf?: string;
}

const problemsOf = (values: Partial<ForecastLikeRequest>): Record<string, string[]> =>
  Object.fromEntries(validateSync(Object.assign(new ForecastLikeRequest(), values)).map((error) => [error.property, Object.values(error.constraints ?? {})]));

describe('business-time validators', () => {
  it.each([
    ['2026-03-31', true],
    ['2026-03-31T12:00:00Z', true],
    ['2026-03-31T12:00:00.123+02:00', true],
    ['2026-02-30', false],
    ['2026-02-30T10:00:00Z', false],
    ['2025-02-29T00:00:00+01:00', false],
    ['2026-03-31T24:00:00Z', false],
    ['0099-06-30', true],
    ['2026-03-31T12:00:00', false],
    ['yesterday', false],
    ['', false],
    [42, false],
  ])('given %j, when checked as an asOf, then it is valid: %s', (value, valid) => {
    expect(isAsOf(value)).toBe(valid);
    expect(isWindowBound(value)).toBe(valid);
  });

  it.each([
    ['2026-03', 'month', true],
    ['2026-13', 'month', false],
    ['2026-Q1', 'month', false],
    ['2026-Q4', 'quarter', true],
    ['2026-Q5', 'quarter', false],
    ['2026-03', 'quarter', false],
    ['2026-03', 'week', true],
    ['March', 'week', false],
  ])('given %s, when checked as a period of kind %s, then it is valid: %s', (value, kind, valid) => {
    expect(isPeriodOf(value, kind)).toBe(valid);
  });

  it('given a request with a bad asOf, when validated, then the problem names asOf', () => {
    expect(problemsOf({ asOf: '2026-02-30' })).toEqual({ asOf: [expect.stringMatching(/^asOf must be a date \(YYYY-MM-DD/)] });
  });

  it('given a month as from while periodKind defaults to quarter, when validated, then the problem names from and the kind', () => {
    expect(problemsOf({ from: '2026-03' })).toEqual({ from: ['from must be a quarter like 2026-Q1 (periodKind is quarter)'] });
    expect(problemsOf({ periodKind: 'month', from: '2026-03' })).toEqual({});
  });

  it('given an unknown periodKind, when validated, then only periodKind is named', () => {
    expect(Object.keys(problemsOf({ periodKind: 'week', from: '2026-03' }))).toEqual(['periodKind']);
  });

  it.each([
    [{ from: '2026-Q3', to: '2026-Q1' }, 'quarter'],
    [{ periodKind: 'month', from: '2026-11', to: '2026-02' }, 'month'],
    [{ periodKind: 'month', from: '2027-01', to: '2026-12' }, 'month across a year'],
  ])('given from after to (%j, %s), when validated, then the problem names to and from', (values, _kind) => {
    expect(problemsOf(values)).toEqual({ to: [`to must not be before from (${values.from})`] });
  });

  it.each([
    [{ from: '2026-Q1', to: '2026-Q1' }],
    [{ from: '2026-Q1', to: '2026-Q4' }],
    [{ to: '2026-Q1' }],
    [{ periodKind: 'month', from: '2025-12', to: '2026-01' }],
  ])('given %j, when validated, then from and to are in order', (values) => {
    expect(problemsOf(values)).toEqual({});
  });

  it('given a from that is not a period, when validated, then only from is named', () => {
    expect(Object.keys(problemsOf({ from: 'soon', to: '2026-Q1' }))).toEqual(['from']);
  });
});
