import { CliException, CliExceptionCode } from '../cli.exception';

export interface CsvRecord {
  /** The spreadsheet row number: the header is row 1, the first data row is row 2. */
  readonly row: number;
  /** The file line the record starts on (a quoted cell may span lines). */
  readonly line: number;
  readonly cells: readonly string[];
}

export interface CsvTable {
  readonly header: readonly string[];
  readonly records: readonly CsvRecord[];
}

const invalidCsv = (message: string, line: number): CliException =>
  new CliException(CliExceptionCode.INVALID_INPUT, `CSV line ${line}: ${message}`, { line });

/**
 * RFC 4180: comma-separated cells, CRLF or LF line ends, cells quoted with `"` may hold commas, line
 * breaks and `""` for a quote. A leading UTF-8 BOM is dropped; a quote inside an unquoted cell, or text
 * after a closing quote, is an error (the file is malformed and guessing would shift columns).
 * Entirely empty lines are not records.
 */
export const parseCsv = (text: string): CsvTable => {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let afterQuote = false;
  let line = 1;
  let recordLine = 1;
  let cellStarted = false;

  const endCell = (): void => {
    cells.push(cell);
    cell = '';
    afterQuote = false;
    cellStarted = false;
  };
  const endRecord = (): void => {
    endCell();
    if (!(cells.length === 1 && cells[0] === '')) rows.push({ line: recordLine, cells });
    cells = [];
  };

  for (let index = 0; index < source.length; index += 1) {
    const character = source[index];
    if (quoted) {
      if (character === '"') {
        if (source[index + 1] === '"') {
          cell += '"';
          index += 1;
        } else {
          quoted = false;
          afterQuote = true;
        }
      } else {
        if (character === '\n') line += 1;
        cell += character;
      }
      continue;
    }
    if (character === ',') {
      endCell();
    } else if (character === '\n' || (character === '\r' && source[index + 1] === '\n')) {
      if (character === '\r') index += 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else if (character === '"') {
      if (cellStarted) throw invalidCsv('a quote inside an unquoted cell (quote the whole cell and double the quote)', line);
      quoted = true;
      cellStarted = true;
    } else {
      if (afterQuote) throw invalidCsv('text after a closing quote', line);
      cell += character;
      cellStarted = true;
    }
  }
  if (quoted) throw invalidCsv('a quoted cell is never closed', recordLine);
  if (cellStarted || cells.length > 0) endRecord();

  const [header, ...data] = rows;
  if (header === undefined) throw invalidCsv('the file is empty: a header row is expected', 1);
  return {
    header: header.cells.map((name) => name.trim()),
    records: data.map((record, index) => ({ row: index + 2, line: record.line, cells: record.cells })),
  };
};
