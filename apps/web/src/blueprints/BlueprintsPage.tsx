import { Badge, Grid, Group, NativeSelect, NavLink, Paper, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams, useSearchParams } from 'react-router';
import type { BlueprintDefinition } from '../api/api-types';
import { QueryState } from '../shared/QueryState';
import { useBlueprint } from '../shared/useBlueprint';
import { BlueprintDiagram } from './BlueprintDiagram';
import { blueprintDiagram, criteriaOf } from './blueprint-diagram';
import { BlueprintEditor } from './BlueprintEditor';
import { useBlueprintList } from './useBlueprints';

const TransitionsTable = ({ definition }: { readonly definition: BlueprintDefinition }) => {
  const { t } = useTranslation();
  const title = (stage: string) => definition.stages.find((candidate) => candidate.id === stage)?.title ?? stage;
  return (
    <Table withTableBorder striped aria-label={t('blueprints.transitions')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('blueprints.event')}</Table.Th>
          <Table.Th>{t('blueprints.fromTo')}</Table.Th>
          <Table.Th>{t('blueprints.criteria')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {definition.transitions.map((transition) => (
          <Table.Tr key={`${transition.event}-${transition.to}`}>
            <Table.Td>
              <Text size="sm" fw={600}>
                {transition.title}
              </Text>
              <Text size="xs" ff="monospace" c="dimmed">
                {transition.event}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{`${transition.from.map(title).join(', ')} → ${title(transition.to)}`}</Text>
            </Table.Td>
            <Table.Td>
              <Group gap={4}>
                {criteriaOf(transition).map((criterion) => (
                  <Badge key={criterion} variant="outline" tt="none">
                    {criterion}
                  </Badge>
                ))}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
};

const BlueprintDetail = ({ id }: { readonly id: string }) => {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const version = search.get('version');
  const detail = useBlueprint(id, version === null ? undefined : Number(version));
  return (
    <QueryState query={detail}>
      {(blueprint) => (
        <Stack gap="md">
          <Group justify="space-between" align="end">
            <Stack gap={0}>
              <Title order={2} size="h3">
                {blueprint.definition.title}
              </Title>
              <Text size="sm" c="dimmed">
                {blueprint.definition.description}
              </Text>
            </Stack>
            <NativeSelect
              label={t('blueprints.version')}
              size="xs"
              value={String(blueprint.ref.version)}
              data={blueprint.versions.map((ref) => ({ value: String(ref.version), label: t('blueprints.versionOption', { version: ref.version, hash: ref.contentHash.slice(0, 8) }) }))}
              onChange={(event) => setSearch({ version: event.currentTarget.value })}
            />
          </Group>
          <Paper withBorder p="md">
            <BlueprintDiagram source={blueprintDiagram(blueprint.definition)} label={t('blueprints.diagramLabel', { title: blueprint.definition.title })} />
          </Paper>
          <TransitionsTable definition={blueprint.definition} />
        </Stack>
      )}
    </QueryState>
  );
};

/** For process owners: the published blueprints, their versions and diagrams, and a draft editor. */
export const BlueprintsPage = () => {
  const { t } = useTranslation();
  const { id } = useParams();
  const list = useBlueprintList();
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('blueprints.title')}
      </Title>
      <Tabs defaultValue="published" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="published">{t('blueprints.published')}</Tabs.Tab>
          <Tabs.Tab value="draft">{t('blueprints.draft')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="published" pt="md">
          <Grid gap="xl">
            <Grid.Col span={{ base: 12, md: 3 }}>
              <QueryState query={list}>
                {(blueprints) => (
                  <nav aria-label={t('blueprints.list')}>
                    {blueprints.map((blueprint) => (
                      <NavLink
                        key={blueprint.id}
                        component={Link}
                        to={`/process-blueprints/${blueprint.id}`}
                        active={blueprint.id === id}
                        label={blueprint.title}
                        description={
                          // Its own colour: the default dimmed description is below AA contrast on the active item's tint.
                          <Text span size="xs" c="gray.8">
                            {t('blueprints.latest', { version: blueprint.latestVersion, count: blueprint.versions.length })}
                          </Text>
                        }
                      />
                    ))}
                  </nav>
                )}
              </QueryState>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 9 }}>
              {id === undefined ? (
                <QueryState query={list}>
                  {(blueprints) => (blueprints[0] === undefined ? <Text c="dimmed">{t('blueprints.none')}</Text> : <Navigate to={`/process-blueprints/${blueprints[0].id}`} replace />)}
                </QueryState>
              ) : (
                <BlueprintDetail id={id} />
              )}
            </Grid.Col>
          </Grid>
        </Tabs.Panel>
        <Tabs.Panel value="draft" pt="md">
          <BlueprintEditor />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
};
