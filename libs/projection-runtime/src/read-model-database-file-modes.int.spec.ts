import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { READ_MODEL_FILE_NAME, ReadModelDatabase } from './read-model-database';

const modeOf = (path: string): string => (statSync(path).mode & 0o777).toString(8);
const readModelFilesIn = (directory: string): string[] => ['', '-wal', '-shm'].map((suffix) => join(directory, `${READ_MODEL_FILE_NAME}${suffix}`));

describe('read-model file modes', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'crm-read-model-modes-'));
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('given no data directory, when the read models are opened and written, then the directory is 700 and the file, its WAL and SHM are 600', () => {
    const directory = join(root, 'data');
    const readModels = ReadModelDatabase.open({ directory });
    try {
      readModels.db.exec('CREATE TABLE pipeline_probe (id INTEGER)');

      expect(modeOf(directory)).toBe('700');
      expect(readModelFilesIn(directory).map(modeOf)).toEqual(['600', '600', '600']);
    } finally {
      readModels.close();
    }
  });

  it('given read-model files an older version left readable to others, while a reader holds them open, when opened for writing, then all three are narrowed to 600', () => {
    const directory = join(root, 'data');
    ReadModelDatabase.open({ directory }).close();
    const reader = ReadModelDatabase.open({ directory });
    try {
      reader.db.exec('CREATE TABLE pipeline_probe (id INTEGER)');
      for (const file of readModelFilesIn(directory)) chmodSync(file, 0o644);

      const writer = ReadModelDatabase.open({ directory });
      try {
        expect(readModelFilesIn(directory).map(modeOf)).toEqual(['600', '600', '600']);
      } finally {
        writer.close();
      }
    } finally {
      reader.close();
    }
  });
});
