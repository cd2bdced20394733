import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ManualClock } from '@crm/clock';
import { capturedIo } from '../__fixtures__/captured-io';
import { runCli } from '../main';

const SHIPPED = resolve(__dirname, '..', '..', '..', '..', 'blueprints');

describe('crm catalog show', () => {
  const clock = new ManualClock('2026-06-01T12:00:00.000Z');
  let root: string;
  const crm = async (...args: string[]) => {
    const io = capturedIo(root, clock);
    const exitCode = await runCli(args, io);
    return { exitCode, out: io.out(), err: io.err() };
  };
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'crm-cli-catalog-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('given the shipped catalog, when shown, then every price book version is listed with its validity and prices', async () => {
    const result = await crm('catalog', 'show', '--blueprints', SHIPPED);
    expect(result.exitCode).toBe(0);
    expect(result.out).toContain('price book list-usd-enterprise v1 USD enterprise 2025-01-01..2025-12-31: CRM-PRO-SEAT 1080.00');
    expect(result.out).toContain('price book list-jpy-enterprise v1 JPY enterprise 2026-01-01..: CRM-PRO-SEAT 180000');
  });

  it('given a price book naming an unknown SKU, when shown, then it exits 3 naming the file and path', async () => {
    cpSync(join(SHIPPED, 'catalog'), join(root, 'catalog'), { recursive: true });
    writeFileSync(join(root, 'catalog/price-books/bad.yaml'), 'id: bad\nversion: 1\ncurrency: USD\nsegment: smb\nvalidFrom: 2026-01-01\nprices:\n  NOPE: 1\n');
    const result = await crm('catalog', 'show', '--blueprints', root);
    expect(result.exitCode).toBe(3);
    expect(result.err).toContain('catalog/price-books/bad.yaml: prices.NOPE: unknown SKU "NOPE"');
  });
});
