/**
 * @module test/throwaway-postgres
 * A PostgreSQL server of our own in a temporary folder, for benchmarks and for tests that must stop
 * and start the server (an outage) — which the shared CI server cannot be. Uses the machine's
 * PostgreSQL binaries (on PATH, or Debian's /usr/lib/postgresql/<version>/bin); run as root, the
 * server runs as the `postgres` user, since postgres refuses to run as root.
 */
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface ThrowawayPostgres {
  /** A connection string to the `postgres` database as the superuser. */
  readonly url: string;
  /** A connection string to another database of the same server. */
  urlOf(database: string): string;
  /** Stops the server, keeping its data (`start` brings it back on the same port). */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and removes its data. */
  remove(): Promise<void>;
}

/** The folder holding `initdb`, `pg_ctl` and `postgres`, or undefined when PostgreSQL is not installed. */
export function postgresBinaries(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(':')) if (dir && existsSync(join(dir, 'pg_ctl'))) return dir;
  const debian = '/usr/lib/postgresql';
  if (!existsSync(debian)) return undefined;
  const versions = readdirSync(debian)
    .filter((v) => existsSync(join(debian, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(debian, versions[0], 'bin') : undefined;
}

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bin = postgresBinaries();
  if (!bin) throw new Error('PostgreSQL is not installed (no pg_ctl on PATH or in /usr/lib/postgresql)');
  const root = process.getuid?.() === 0;
  const asServerUser = (command: string, args: string[]) =>
    root ? run('runuser', ['-u', 'postgres', '--', join(bin, command), ...args], { cwd: folder }) : run(join(bin, command), args, { cwd: folder });
  const folder = mkdtempSync(join(tmpdir(), 'xiaoxin-pg-'));
  if (root) chownSync(folder, ...postgresIds());
  const data = join(folder, 'data');
  const port = await freePort();
  const startServer = () =>
    asServerUser('pg_ctl', ['-D', data, '-l', join(folder, 'server.log'), '-w', '-o', `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`, 'start']);
  await asServerUser('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync']);
  await startServer();
  const urlOf = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  let running = true;
  const stop = async () => {
    if (!running) return;
    await asServerUser('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    running = false;
  };
  return {
    url: urlOf('postgres'),
    urlOf,
    stop,
    async start() {
      if (running) return;
      await startServer();
      running = true;
    },
    async remove() {
      await stop().catch(() => undefined);
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** The uid and gid of the `postgres` user (root runs the server as it). */
function postgresIds(): [number, number] {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  if (!line) throw new Error('running as root needs a "postgres" user to run the server as (useradd --system postgres)');
  const [, , uid, gid] = line.split(':');
  return [Number(uid), Number(gid)];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}
