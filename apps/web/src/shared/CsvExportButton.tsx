import { Button } from '@mantine/core';
import Papa from 'papaparse';
import { useTranslation } from 'react-i18next';

export type CsvRow = Readonly<Record<string, string | number | boolean | null>>;

/** Downloads the rows as a CSV file (papaparse quotes what needs quoting), the table's own columns in order. */
export const CsvExportButton = ({ fileName, rows, label }: { readonly fileName: string; readonly rows: readonly CsvRow[]; readonly label?: string }) => {
  const { t } = useTranslation();
  const download = () => {
    const csv = Papa.unparse(rows.map((row) => ({ ...row })));
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Button variant="default" size="xs" onClick={download} disabled={rows.length === 0}>
      {label ?? t('common.exportCsv')}
    </Button>
  );
};
