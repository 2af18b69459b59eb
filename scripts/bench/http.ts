/**
 * `xiaoxin serve` as a zone runs it, measured from outside: time from start to /readyz, its RSS
 * then, and /api/chat under 50 concurrent connections (autocannon), questions taken in turn; and
 * a restart's time to /readyz alone.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { get } from 'node:http';
import autocannon from 'autocannon';

export interface ServeFigures {
  readyMs: number;
  rssMb: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  /** Replies by HTTP status (how the failures failed: 503 busy, 500 …). */
  statusCodes: Record<string, number>;
}

/** `xiaoxin serve` started and ready: how long that took, its RSS then, and a way to stop it. */
interface ReadyServer {
  base: string;
  readyMs: number;
  rssMb: number;
  stop(): Promise<void>;
}

async function startServe(env: Record<string, string>, port: number): Promise<ReadyServer> {
  const child = spawn(process.execPath, ['bin/xiaoxin.js', 'serve', '--host', '127.0.0.1', '--port', String(port)], {
    env: { ...process.env, XIAOXIN_RATE_LIMIT: '0', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const stop = async () => {
    child.kill('SIGTERM');
    await exited;
  };
  try {
    const start = performance.now();
    const base = `http://127.0.0.1:${port}`;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`xiaoxin serve exited with ${child.exitCode} before it was ready`);
      // Several times in a row, each on a new connection: with XIAOXIN_WORKERS each connection may
      // reach another process (fetch would keep one connection, and so one process).
      let ready = true;
      for (let i = 0; i < 8 && ready; i++) ready = await readyOnce(`${base}/readyz`);
      if (ready) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return { base, readyMs: Math.round(performance.now() - start), rssMb: rssOf(child.pid!), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Start-up alone: from the start to /readyz (e.g. a restart reading the index it saved), and the RSS then. */
export async function measureReady(env: Record<string, string>, port: number): Promise<{ readyMs: number; rssMb: number }> {
  const server = await startServe(env, port);
  await server.stop();
  return { readyMs: server.readyMs, rssMb: server.rssMb };
}

export async function measureServe(env: Record<string, string>, port: number, questions: string[], seconds: number): Promise<ServeFigures> {
  const server = await startServe(env, port);
  try {
    let next = 0;
    const result = await autocannon({
      url: `${server.base}/api/chat`,
      connections: 50,
      duration: seconds,
      // A request's body is chosen when it is sent: each connection asks the next question.
      requests: [
        {
          method: 'POST',
          setupRequest: (request) => ({
            ...request,
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ message: questions[next++ % questions.length] }),
          }),
        },
      ],
    });
    return {
      readyMs: server.readyMs,
      rssMb: server.rssMb,
      requestsPerSecond: Math.round(result.requests.average * 10) / 10,
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
      statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, stats]) => [code, stats?.count ?? 0])),
    };
  } finally {
    await server.stop();
  }
}

/** One /readyz on a connection of its own: true for a 200. */
function readyOnce(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = get(url, { agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    request.on('error', () => resolve(false));
  });
}

/** Resident memory in MB of a process and its child processes (XIAOXIN_WORKERS), from /proc (Linux). */
function rssOf(pid: number): number {
  const kbOf = (id: number | string) => {
    try {
      return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${id}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      return 0;
    }
  };
  let children: string[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
  } catch {
    // Not Linux, or no children: the process alone.
  }
  return Math.round([String(pid), ...children].reduce((sum: number, id) => sum + kbOf(id), 0) / 1024);
}
