import { Group, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { CsvExportButton, type CsvRow } from './CsvExportButton';

export interface ReportColumn<Row> {
  readonly key: string;
  readonly header: string;
  /** The value as exported (CSV) and compared; numbers stay numbers. */
  readonly value: (row: Row) => string | number | null;
  /** The value as shown; default: the value. */
  readonly show?: (row: Row) => string;
  readonly numeric?: boolean;
}

/** A report's table with its CSV export: the file has the same columns and the unformatted values. */
export const ReportTable = <Row,>({
  caption,
  columns,
  rows,
  fileName,
}: {
  readonly caption: string;
  readonly columns: readonly ReportColumn<Row>[];
  readonly rows: readonly Row[];
  readonly fileName: string;
}) => {
  const csvRows: CsvRow[] = rows.map((row) => Object.fromEntries(columns.map((column) => [column.header, column.value(row)])));
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text fw={600} size="sm">
          {caption}
        </Text>
        <CsvExportButton fileName={fileName} rows={csvRows} />
      </Group>
      <ScrollArea>
        <Table striped highlightOnHover withTableBorder aria-label={caption}>
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => (
                <Table.Th key={column.key} style={{ textAlign: column.numeric ? 'right' : 'left' }}>
                  {column.header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, index) => (
              <Table.Tr key={index}>
                {columns.map((column) => {
                  const value = column.value(row);
                  return (
                    <Table.Td key={column.key} style={{ textAlign: column.numeric ? 'right' : 'left' }}>
                      {column.show ? column.show(row) : value === null ? '—' : String(value)}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Stack>
  );
};
