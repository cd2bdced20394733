import { Badge, Button, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { QuoteLines } from '../api/api-types';
import { useFormats } from '../shared/format';

/** The quote's versions, oldest first: priced or not, when and in which language each was sent, its document hash. */
export const QuoteVersions = ({ lines, onShow }: { readonly lines: QuoteLines; readonly onShow: (version: number) => void }) => {
  const { t } = useTranslation();
  const formats = useFormats();
  return (
    <Table withTableBorder aria-label={t('quote.versions')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('quote.version')}</Table.Th>
          <Table.Th>{t('quote.sent')}</Table.Th>
          <Table.Th>{t('quote.documentHash')}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {lines.versions.map((version) => (
          <Table.Tr key={version.version}>
            <Table.Td>
              {t('quote.versionNumber', { version: version.version })}
              {version.version === lines.currentVersion && (
                <Badge ml="xs" variant="light">
                  {t('quote.current')}
                </Badge>
              )}
              {!version.priced && (
                <Text span size="xs" c="dimmed" ml="xs">
                  {t('quote.notPriced')}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{version.sent === null ? t('quote.notSent') : t('quote.sentAt', { when: formats.dateTime(version.sent.at), locale: version.sent.locale })}</Table.Td>
            <Table.Td>
              <Text span ff="monospace" size="xs">
                {version.sent === null ? '—' : version.sent.documentHash.slice(0, 12)}
              </Text>
            </Table.Td>
            <Table.Td>
              <Button size="xs" variant={version.version === lines.version ? 'filled' : 'light'} disabled={version.version === lines.version} onClick={() => onShow(version.version)}>
                {version.version === lines.version ? t('quote.showing') : t('quote.showVersion', { version: version.version })}
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
};
