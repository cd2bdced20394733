import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiRefusal } from '../api/api-refusal';

/** A published version as the API names it. */
export interface PublishedRef {
  readonly id: string;
  readonly version: number;
}

interface PublishProblem {
  readonly path: string;
  readonly message: string;
}

/** The problems a refusal lists (INVALID_BLUEPRINT names each with its path); none for other refusals. */
export const publishProblemsOf = (error: unknown): readonly PublishProblem[] => {
  if (!(error instanceof ApiRefusal)) return [];
  const problems = error.body.details['problems'];
  if (!Array.isArray(problems)) return [];
  return problems.flatMap((problem: unknown) => {
    if (typeof problem !== 'object' || problem === null) return [];
    const { path, message } = problem as Record<string, unknown>;
    return typeof message === 'string' ? [{ path: typeof path === 'string' ? path : '', message }] : [];
  });
};

/**
 * Publishing the draft: the API runs every start-up check, including those against versions already
 * published, so a draft valid here may still be refused there; its answer is shown as given.
 */
export const BlueprintPublisher = ({
  draftValid,
  busy,
  published,
  error,
  onPublish,
}: {
  readonly draftValid: boolean;
  readonly busy: boolean;
  readonly published: PublishedRef | null;
  readonly error: unknown;
  readonly onPublish: () => void;
}) => {
  const { t } = useTranslation();
  const problems = publishProblemsOf(error);
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t('blueprints.editor.publishHint')}
      </Text>
      <Button onClick={onPublish} disabled={!draftValid || busy} loading={busy} w="fit-content">
        {t('blueprints.editor.publish')}
      </Button>
      {published !== null && error === null && (
        <Alert color="teal" role="status" title={t('blueprints.editor.publishedTitle')}>
          {t('blueprints.editor.published', { id: published.id, version: published.version })}
        </Alert>
      )}
      {error !== null && (
        <Alert color="red" role="alert" title={t('blueprints.editor.publishRefused')}>
          {error instanceof ApiRefusal ? `${error.code}: ${error.body.message}` : String(error)}
          {problems.length > 0 && (
            <List size="sm" spacing="xs" mt="xs">
              {problems.map((problem) => (
                <List.Item key={`${problem.path}:${problem.message}`}>
                  <Text span ff="monospace" fw={600} size="sm">
                    {problem.path === '' ? t('blueprints.editor.document') : problem.path}
                  </Text>
                  {': '}
                  {problem.message}
                </List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
    </Stack>
  );
};
