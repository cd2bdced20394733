import { Alert, Badge, Group, List, Stack, Text, Title } from '@mantine/core';
import { yaml } from '@codemirror/lang-yaml';
import { linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import type { Text as Document } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import CodeMirror from '@uiw/react-codemirror';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BlueprintPublisher } from './BlueprintPublisher';
import { DRAFT_TEMPLATE } from './draft-template';
import { usePublishBlueprint } from './useBlueprints';
import { useDraftValidation, type DraftProblem } from './useDraftValidation';

const offsetOf = (document: Document, problem: DraftProblem): number => {
  if (problem.line === undefined || problem.line > document.lines) return 0;
  const line = document.line(problem.line);
  return Math.min(line.from + Math.max((problem.column ?? 1) - 1, 0), line.to);
};

/** The problems as CodeMirror diagnostics, at the line and column the validator located. */
const diagnosticsOf =
  (problems: readonly DraftProblem[]) =>
  ({ state }: { state: { doc: Document } }): Diagnostic[] =>
    problems.map((problem) => {
      const from = offsetOf(state.doc, problem);
      const line = state.doc.lineAt(from);
      return { from, to: line.to, severity: 'error', message: problem.path === '' ? problem.message : `${problem.path}: ${problem.message}` };
    });

const ProblemList = ({ problems }: { readonly problems: readonly DraftProblem[] }) => {
  const { t } = useTranslation();
  return (
    <List size="sm" spacing="xs" aria-label={t('blueprints.editor.problems')}>
      {problems.map((problem) => (
        <List.Item key={`${problem.path}:${problem.line ?? 0}:${problem.message}`}>
          <Text span ff="monospace" fw={600} size="sm">
            {problem.path === '' ? t('blueprints.editor.document') : problem.path}
          </Text>
          {problem.line !== undefined && (
            <Text span c="dimmed" size="xs">
              {' '}
              ({t('blueprints.editor.line', { line: problem.line })})
            </Text>
          )}
          {': '}
          {problem.message}
        </List.Item>
      ))}
    </List>
  );
};

/**
 * A YAML editor for a blueprint draft, with every problem the validator finds listed at its path and
 * marked on its line, and published through the API (README, Blueprint lifecycle).
 */
export const BlueprintEditor = () => {
  const { t } = useTranslation();
  const [source, setSource] = useState(DRAFT_TEMPLATE);
  const validation = useDraftValidation(source);
  const publish = usePublishBlueprint();
  // An answer about the published text no longer speaks for an edited one.
  const edit = (next: string) => {
    setSource(next);
    if (!publish.isIdle) publish.reset();
  };
  const problems = validation.ok ? [] : validation.problems;
  const label = t('blueprints.editor.label');
  // The editable area is what assistive technology focuses: it carries the name.
  const extensions = useMemo(() => [yaml(), lintGutter(), linter(diagnosticsOf(problems), { delay: 0 }), EditorView.contentAttributes.of({ 'aria-label': label })], [problems, label]);
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h4">
          {t('blueprints.editor.title')}
        </Title>
        <Badge color={validation.ok ? 'teal' : 'red'} role="status">
          {validation.ok ? t('blueprints.editor.valid') : t('blueprints.editor.problemCount', { count: problems.length })}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {t('blueprints.editor.hint')}
      </Text>
      <CodeMirror value={source} onChange={edit} extensions={extensions} height="420px" basicSetup={{ foldGutter: false }} />
      {!validation.ok && <ProblemList problems={problems} />}
      {validation.warnings.length > 0 && (
        <Alert color="yellow" title={t('blueprints.editor.warnings')}>
          <ProblemList problems={validation.warnings} />
        </Alert>
      )}
      <Title order={3} size="h5">
        {t('blueprints.editor.publishTitle')}
      </Title>
      <BlueprintPublisher
        draftValid={validation.ok}
        busy={publish.isPending}
        published={publish.data?.ref ?? null}
        error={publish.error}
        onPublish={() => publish.mutate(source)}
      />
    </Stack>
  );
};
