import { createServer, connect, type Server, type Socket } from 'node:net';
import { BSON } from 'mongodb';

/**
 * A MongoDB-wire proxy that lets a process reach one database and nothing else, as a database user
 * limited to its own database would on a MongoDB server (the embedded store has no users). Every
 * command names its database (`$db`); a command for another database is answered with MongoDB's
 * own `Unauthorized` error and recorded, never forwarded. Connection handshakes and health checks on
 * `admin` (hello, ping, endSessions...) pass, since every driver sends them.
 */

/** Commands on `admin` a driver sends to any server whatever its user may do. */
const HANDSHAKE_COMMANDS = new Set([
  'hello',
  'ismaster',
  'isMaster',
  'ping',
  'buildInfo',
  'buildinfo',
  'endSessions',
  'saslStart',
  'saslContinue',
]);

const OP_MSG = 2013;
const OP_QUERY = 2004;
/** OP_MSG flag: the sender expects no reply. */
const MORE_TO_COME = 2;

export interface RefusedCommand {
  database: string;
  command: string;
}

export interface DatabaseGuard {
  /** A connection string through the guard, without a database (like the store's). */
  uri: string;
  /** The one database the guard lets through. */
  database: string;
  /** Commands refused so far: any entry means the process tried another agency's database. */
  refused: RefusedCommand[];
  /** Commands let through to the allowed database so far. */
  forwarded(): number;
  stop(): Promise<void>;
}

/** Starts a guard on a free loopback port in front of the store at `storeUri`. */
export async function startDatabaseGuard(
  storeUri: string,
  database: string,
): Promise<DatabaseGuard> {
  const store = new URL(storeUri.replace(/^mongodb:/, 'http:'));
  const upstream = { host: store.hostname, port: Number(store.port || 27017) };
  const refused: RefusedCommand[] = [];
  let forwarded = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const server = connect(upstream);
    sockets.add(client).add(server);
    const close = () => {
      client.destroy();
      server.destroy();
      sockets.delete(client);
      sockets.delete(server);
    };
    client.on('error', close).on('close', close);
    server.on('error', close).on('close', close);
    server.on('data', (chunk) => client.write(chunk));
    let pending = Buffer.alloc(0);
    client.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 4 && pending.length >= pending.readInt32LE(0)) {
        const length = pending.readInt32LE(0);
        const message = pending.subarray(0, length);
        pending = pending.subarray(length);
        let verdict: Verdict;
        try {
          verdict = judge(message, database);
        } catch {
          // A message the guard cannot read is not let through.
          verdict = refuse('?', 'unreadable message', { close: true });
        }
        if (verdict.allowed) {
          forwarded += 1;
          server.write(message);
          continue;
        }
        refused.push(verdict.refused);
        if (verdict.reply) client.write(verdict.reply);
        else if (verdict.close) close();
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as { port: number };
  return {
    uri: `mongodb://127.0.0.1:${port}/?directConnection=true`,
    database,
    refused,
    forwarded: () => forwarded,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

type Verdict =
  { allowed: true } | { allowed: false; refused: RefusedCommand; reply?: Buffer; close?: true };

/** Whether one wire message may pass: its database is the allowed one, or it is a handshake. */
function judge(message: Buffer, database: string): Verdict {
  const requestId = message.readInt32LE(4);
  const opCode = message.readInt32LE(12);
  if (opCode === OP_MSG) {
    const flags = message.readUInt32LE(16);
    // Section kind 0 (the command body) comes first in every message a driver sends.
    if (message.readUInt8(20) !== 0) return refuse('?', '?', { close: true });
    // The body, then (for writes) document sequences: the body's own length bounds it.
    const body = BSON.deserialize(message.subarray(21, 21 + message.readInt32LE(21)), {
      promoteValues: false,
    });
    const command = Object.keys(body)[0] ?? '?';
    const target = String(body.$db ?? '');
    if (target === database) return { allowed: true };
    if (target === 'admin' && HANDSHAKE_COMMANDS.has(command)) return { allowed: true };
    const reply = flags & MORE_TO_COME ? undefined : unauthorized(requestId, target, command);
    return refuse(target, command, reply ? { reply } : {});
  }
  if (opCode === OP_QUERY) {
    // The legacy handshake: `admin.$cmd` with hello/isMaster, nothing else.
    const end = message.indexOf(0, 20);
    const collection = message.subarray(20, end).toString('utf8');
    const start = end + 9;
    const query = BSON.deserialize(message.subarray(start, start + message.readInt32LE(start)), {
      promoteValues: false,
    });
    const command = Object.keys(query)[0] ?? '?';
    if (collection === 'admin.$cmd' && HANDSHAKE_COMMANDS.has(command)) return { allowed: true };
    return refuse(collection.split('.')[0] ?? '?', command, { close: true });
  }
  return refuse('?', `opCode ${opCode}`, { close: true });
}

function refuse(database: string, command: string, how: { reply?: Buffer; close?: true }): Verdict {
  return { allowed: false, refused: { database, command }, ...how };
}

/** MongoDB's answer to a user without the right on a database: code 13, Unauthorized. */
function unauthorized(responseTo: number, database: string, command: string): Buffer {
  const body = BSON.serialize({
    ok: 0,
    errmsg: `not authorized on ${database} to execute command { ${command}: ... }`,
    code: 13,
    codeName: 'Unauthorized',
  });
  const header = Buffer.alloc(21);
  header.writeInt32LE(21 + body.length, 0);
  header.writeInt32LE(0, 4);
  header.writeInt32LE(responseTo, 8);
  header.writeInt32LE(OP_MSG, 12);
  header.writeUInt32LE(0, 16);
  header.writeUInt8(0, 20);
  return Buffer.concat([header, body]);
}
