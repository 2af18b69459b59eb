/**
 * Starts the real server the way a user does — `node bin/xiaoxin.js serve --demo` on a free port
 * with a fresh data folder — and stops it with SIGTERM. Needs `npm run build` first. Staff
 * accounts for the back office are created first with `xiaoxin user add`, as an administrator
 * does: the PGlite folder is open in one process at a time, so before the server starts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface RunningServer {
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** Everything the server wrote to stdout and stderr so far. */
  output(): string;
  stop(): Promise<void>;
}

/** Newest modification time under a folder, for the "is the build older than the source" check. */
async function newest(dir: string): Promise<number> {
  let latest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? await newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

/** Fails early and plainly when the build the tests need is missing or older than web/. */
export async function assertBuilt(): Promise<void> {
  const index = path.join(ROOT, 'dist/web/index.html');
  const cli = path.join(ROOT, 'dist/cli/main.js');
  for (const file of [index, cli, path.join(ROOT, 'dist/web/widget.js'), path.join(ROOT, 'dist/web/admin.html')]) {
    if (!existsSync(file)) throw new Error(`e2e: ${path.relative(ROOT, file)} is missing; run \`npm run build\` first`);
  }
  const source = Math.max(
    await newest(path.join(ROOT, 'web/src')),
    statSync(path.join(ROOT, 'web/index.html')).mtimeMs,
    statSync(path.join(ROOT, 'web/admin.html')).mtimeMs,
  );
  if (source > statSync(index).mtimeMs) {
    throw new Error('e2e: dist/web is older than web/; run `npm run build` (or `npm run build:web`) first');
  }
}

/** A back-office account to create before the server starts. */
export interface StaffAccount {
  name: string;
  role: 'admin' | 'editor' | 'reviewer' | 'window';
  password: string;
  displayName?: string;
}

/** `printf '%s\n' PASSWORD | xiaoxin user add NAME --role ROLE --data DIR` */
async function addAccount(data: string, account: StaffAccount): Promise<void> {
  const args = ['bin/xiaoxin.js', 'user', 'add', account.name, '--role', account.role, '--data', data];
  if (account.displayName) args.push('--display-name', account.displayName);
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  child.stdin.end(`${account.password}\n`);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`e2e: xiaoxin user add ${account.name} failed (${code}):\n${output}`);
}

export async function startServer(env: Record<string, string> = {}, accounts: StaffAccount[] = []): Promise<RunningServer> {
  await assertBuilt();
  const data = await mkdtemp(path.join(tmpdir(), 'xiaoxin-e2e-'));
  for (const account of accounts) await addAccount(data, account);
  const child: ChildProcess = spawn(
    process.execPath,
    ['bin/xiaoxin.js', 'serve', '--demo', '--port', '0', '--host', '127.0.0.1', '--data', data],
    {
      cwd: ROOT,
      env: { ...process.env, XIAOXIN_DEBUG: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`e2e: the server did not start in 90 s:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = output.match(/listening on http:\/\/[^\s:]+:(\d+)/);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`e2e: the server exited with ${code} before listening:\n${output}`));
    });
  });

  return {
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(killer);
      }
      await rm(data, { recursive: true, force: true });
    },
  };
}
