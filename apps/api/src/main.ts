import './register-aliases';
import { startApi } from './start-api';
import { apiSettingsFromEnv } from './api-settings';

const main = async (): Promise<void> => {
  const settings = apiSettingsFromEnv();
  const api = await startApi(settings);
  const lines = [
    `CRM workflow engine is listening on ${api.url}`,
    `  store: ${api.engine.store.kind} in ${settings.dataDirectory}`,
    `  blueprints: ${api.engine.catalog.kinds().join(', ')} (from ${settings.blueprintsDirectory})`,
    `  read models: ${api.readModels.file} (pipeline: ${api.url}/pipeline)`,
    `  API docs: ${api.url}/docs    health: ${api.url}/health`,
    `  demo users and their tokens: ${api.demoTokensFile}`,
    `  try: TOKEN=$(node -p "require('${api.demoTokensFile}').rita.token")`,
    `       curl -H "Authorization: Bearer $TOKEN" ${api.url}/blueprints`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal}: closing (finishing queued writes)…\n`);
    api.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`failed to close cleanly: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
};

main().catch((error: unknown) => {
  process.stderr.write(`could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
