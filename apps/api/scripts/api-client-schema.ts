import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { localApiSettings, startApi } from '../src/start-api';

/**
 * `npm run api:client`: the API's OpenAPI document → `libs/api-client/src/schema.d.ts`, the TypeScript
 * types of every path, parameter, body and answer (openapi-typescript). It starts the API on a temporary
 * data directory and reads `/docs/openapi.json` as a client would.
 *
 * `--document-url <url> --stdout` prints the types of a running API's document instead of writing them:
 * the e2e test compares that with the committed file, so the file cannot fall behind the API.
 */

const repositoryRoot = join(__dirname, '..', '..', '..');
export const SCHEMA_FILE = join(repositoryRoot, 'libs', 'api-client', 'src', 'schema.d.ts');

const HEADER = `/**
 * Generated from the API's OpenAPI document (/docs/openapi.json) by \`npm run api:client\`; do not edit.
 * The response schemas come from the response classes in apps/api/src/<area>/dto/.
 */

`;

export const schemaSourceOf = async (document: OpenAPI3): Promise<string> => `${HEADER}${astToString(await openapiTS(document))}`;

const documentAt = async (url: string): Promise<OpenAPI3> => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return (await response.json()) as OpenAPI3;
};

/** The document of the API as `npm start` would serve it, from a throwaway data directory. */
const documentOfFreshApi = async (): Promise<OpenAPI3> => {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'crm-api-client-'));
  const api = await startApi(
    localApiSettings(dataDirectory, join(repositoryRoot, 'blueprints')),
    { logger: false },
  );
  try {
    return await documentAt(`${api.url}/docs/openapi.json`);
  } finally {
    await api.close();
    rmSync(dataDirectory, { recursive: true, force: true });
  }
};

const optionOf = (args: readonly string[], name: string): string | undefined => {
  const index = args.indexOf(name);
  return index < 0 ? undefined : args[index + 1];
};

const main = async (args: readonly string[]): Promise<void> => {
  const url = optionOf(args, '--document-url');
  const source = await schemaSourceOf(url === undefined ? await documentOfFreshApi() : await documentAt(url));
  if (args.includes('--stdout')) {
    process.stdout.write(source);
    return;
  }
  writeFileSync(SCHEMA_FILE, source);
  process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
};

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
