import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PricedLine } from '../api/api-types';
import { useFormats } from '../shared/format';

/** Priced lines (a quote's, or an order's copied from it): product, quantity, list price, discount, tax, total. */
export const PricedLinesTable = ({ lines, money }: { readonly lines: readonly PricedLine[]; readonly money: (minor: number) => string }) => {
  const { t } = useTranslation();
  const formats = useFormats();
  return (
    <Table withTableBorder striped aria-label={t('quote.lines')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>#</Table.Th>
          <Table.Th>{t('quote.product')}</Table.Th>
          <Table.Th style={{ textAlign: 'right' }}>{t('quote.quantity')}</Table.Th>
          <Table.Th style={{ textAlign: 'right' }}>{t('quote.listPrice')}</Table.Th>
          <Table.Th style={{ textAlign: 'right' }}>{t('quote.discount')}</Table.Th>
          <Table.Th style={{ textAlign: 'right' }}>{t('quote.taxAmount')}</Table.Th>
          <Table.Th style={{ textAlign: 'right' }}>{t('quote.lineTotal')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {lines.map((line) => (
          <Table.Tr key={line.line}>
            <Table.Td>{line.line}</Table.Td>
            <Table.Td>
              {line.name} <Text span size="xs" c="dimmed">({line.sku})</Text>
            </Table.Td>
            <Table.Td style={{ textAlign: 'right' }}>{`${formats.number(line.quantity, 3)} ${line.unit}`}</Table.Td>
            <Table.Td style={{ textAlign: 'right' }}>{money(line.listPrice)}</Table.Td>
            <Table.Td style={{ textAlign: 'right' }}>{line.discount === 0 ? '—' : `${formats.number(line.discountPercent, 2)}% (−${money(line.discount)})`}</Table.Td>
            <Table.Td style={{ textAlign: 'right' }}>{money(line.tax)}</Table.Td>
            <Table.Td style={{ textAlign: 'right' }}>{money(line.total)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
};
