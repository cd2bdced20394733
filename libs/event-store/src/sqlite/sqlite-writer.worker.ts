import { parentPort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { commitGroup } from './append-group';
import { describeError } from './describe-error';
import { configureConnection } from './sqlite-schema';
import { prepareStatements, type SqliteStatements } from './sqlite-statements';
import { asSentException, sendOutcome, type WriterReply, type WriterRequest } from './writer-protocol';

// The writer thread of the SQLite stores of a process (README, Architecture: "Durability without the
// fsync ceiling"): a connection of its own per store, `synchronous=FULL`, one group commit at a time in
// the order the groups arrive. Only relative imports, so the store can hand this file over transpiled.

const port = parentPort;
if (!port) throw new Error('sqlite-writer.worker runs as a worker thread of the SQLite store');

interface Connection {
  readonly db: Database.Database;
  readonly statements: SqliteStatements;
}

const connections = new Map<number, Connection>();
const reply = (message: WriterReply): void => port.postMessage(message);

const open = (request: Extract<WriterRequest, { kind: 'open' }>): void => {
  let db: Database.Database | undefined;
  try {
    db = new Database(request.file, { fileMustExist: true });
    configureConnection(db);
    connections.set(request.connection, { db, statements: prepareStatements(db) });
    reply({ kind: 'done', id: request.id });
  } catch (error) {
    db?.close();
    reply({ kind: 'refused', id: request.id, message: describeError(error) });
  }
};

const commit = (request: Extract<WriterRequest, { kind: 'commit' }>): void => {
  const connection = connections.get(request.connection);
  if (!connection) {
    reply({ kind: 'refused', id: request.id, message: `no connection ${request.connection} on the writer thread` });
    return;
  }
  try {
    const outcomes = commitGroup(connection.db, connection.statements, request.appends, request.recordedAt);
    reply({ kind: 'committed', id: request.id, outcomes: outcomes.map(sendOutcome) });
  } catch (error) {
    reply({ kind: 'failed', id: request.id, error: asSentException(error) });
  }
};

const close = (request: Extract<WriterRequest, { kind: 'close' }>): void => {
  const connection = connections.get(request.connection);
  connections.delete(request.connection);
  try {
    connection?.db.close();
    reply({ kind: 'done', id: request.id });
  } catch (error) {
    reply({ kind: 'refused', id: request.id, message: describeError(error) });
  }
};

port.on('message', (request: WriterRequest) => {
  if (request.kind === 'open') open(request);
  else if (request.kind === 'commit') commit(request);
  else close(request);
});
