import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FieldDefinition, FieldValues } from '../api/api-types';

/** The records this one refers to through its reference fields (a quote's opportunity, a lead's company…). */
export const RecordLinks = ({ definitions, fields }: { readonly definitions: readonly FieldDefinition[]; readonly fields: FieldValues }) => {
  const { t } = useTranslation();
  const links = definitions.filter((field) => field.type === 'reference' && field.to !== undefined && typeof fields[field.name] === 'string');
  if (links.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('record.links')}
      </Title>
      {links.map((field) => (
        <Group key={field.name} gap="xs">
          <Text size="sm" c="dimmed">
            {field.label}
          </Text>
          <Anchor component={Link} to={`/record/${field.to}/${encodeURIComponent(String(fields[field.name]))}`} size="sm">
            {t('record.linkTo', { kind: t(`kinds.${field.to}`, { defaultValue: field.to }), id: String(fields[field.name]) })}
          </Anchor>
        </Group>
      ))}
    </Stack>
  );
};
