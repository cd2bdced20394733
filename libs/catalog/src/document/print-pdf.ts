import { existsSync } from 'node:fs';
import { CatalogException, CatalogExceptionCode } from '../catalog.exception';

/** Debian's Chromium by default (README, Quote document); `CHROMIUM_PATH` points elsewhere. */
export const chromiumPath = (environment: NodeJS.ProcessEnv): string => environment['CHROMIUM_PATH'] || '/usr/bin/chromium';

/** Headless and off the network: without these flags Chromium keeps calling addresses outside this machine. */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-dev-shm-usage'];

interface PrintingBrowser {
  newPage(): Promise<{ setContent(html: string, options: { waitUntil: 'load' }): Promise<void>; pdf(options: { format: string; printBackground: boolean }): Promise<Buffer> }>;
  close(): Promise<void>;
}
interface ChromiumLauncher {
  launch(options: { executablePath: string; headless: boolean; args: string[] }): Promise<PrintingBrowser>;
}

const unavailable = (why: string): CatalogException =>
  new CatalogException(CatalogExceptionCode.DOCUMENT_PRINTER_UNAVAILABLE, `no PDF here: ${why}; the HTML document (format=html) is the contract`, { why });

/**
 * Prints the HTML document to PDF with headless Chromium's print-to-PDF. playwright-core is loaded only
 * when a PDF is asked for, so an install without it (or without Chromium) still serves the HTML.
 */
export const printPdf = async (html: string, executablePath: string): Promise<Buffer> => {
  if (!existsSync(executablePath)) throw unavailable(`no Chromium at ${executablePath} (install it with apt-get install -y chromium, or set CHROMIUM_PATH)`);
  let chromium: ChromiumLauncher;
  try {
    ({ chromium } = (await import('playwright-core')) as unknown as { chromium: ChromiumLauncher });
  } catch (error) {
    throw unavailable(`playwright-core cannot be loaded (${error instanceof Error ? error.message : String(error)})`);
  }
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    // The document has no outside resources: "load" is when it is laid out.
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true });
  } finally {
    await browser.close();
  }
};
