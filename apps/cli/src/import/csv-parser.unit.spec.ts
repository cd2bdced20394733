import { CliException } from '../cli.exception';
import { parseCsv } from './csv-parser';

describe('RFC 4180 CSV parsing', () => {
  it('given quoted cells with commas, doubled quotes and a line break, then each cell comes back whole and rows are numbered like a spreadsheet', () => {
    const table = parseCsv('\uFEFFid,name,notes\r\n1,"Acme, Inc.","said ""hi""\nthen left"\r\n2,Globex,\r\n');
    expect(table.header).toEqual(['id', 'name', 'notes']);
    expect(table.records).toEqual([
      { row: 2, line: 2, cells: ['1', 'Acme, Inc.', 'said "hi"\nthen left'] },
      { row: 3, line: 4, cells: ['2', 'Globex', ''] },
    ]);
  });

  it('given LF endings, no final newline and an empty line, then the empty line is no record', () => {
    const table = parseCsv('a,b\n1,2\n\n3,4');
    expect(table.records.map((record) => record.cells)).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('given a row with fewer cells, then it is returned as it is (the importer reports it)', () => {
    expect(parseCsv('a,b,c\n1,2\n').records[0].cells).toEqual(['1', '2']);
  });

  it.each([
    ['a,b\n1,"open\n', 'line 2: a quoted cell is never closed'],
    ['a,b\n1,x"y\n', 'line 2: a quote inside an unquoted cell'],
    ['a,b\n1,"x"y\n', 'line 2: text after a closing quote'],
    ['', 'line 1: the file is empty'],
  ])('given malformed CSV %j, then it is refused naming the line', (text, message) => {
    expect(() => parseCsv(text)).toThrow(CliException);
    expect(() => parseCsv(text)).toThrow(message);
  });
});
