/**
 * @module fuzz/runner
 * Runs the fuzz: `requests` generated requests against a fresh server, each answered status
 * counted; then, if any got a 5xx (or no answer), the same seed again with fast-check shrinking
 * to the smallest such request; then a health check (/healthz, and a real question on /api/chat).
 * The vitest file and `npm run fuzz` both call `runFuzz`.
 */
import { readdir } from 'node:fs/promises';
import os from 'node:os';
import fc from 'fast-check';
import type { Role } from '../accounts/roles.js';
import { anyRequest, type RequestPlan } from './arbitraries.js';
import { closeConnections, curlLine, send, type RawReply, type RawRequest } from './http.js';
import { startFuzzServer, type FuzzServer } from './server.js';

export interface FuzzOptions {
  requests: number;
  seed?: number;
  /** Called every 500 requests. */
  onProgress?: (done: number) => void;
}

export interface Failure {
  route: string;
  status: RawReply['status'];
  curl: string;
  reply: string;
}

export interface FuzzResult {
  seed: number;
  requests: number;
  /** Requests by status (`error`: the connection closed without an answer). */
  byStatus: Map<string, number>;
  /** Requests that got a 5xx or no answer in time, by route. */
  failingRoutes: Map<string, number>;
  /** The first failure of each route, reproducible. */
  failures: Failure[];
  /** The smallest failing request fast-check found, as a curl line. */
  counterexample?: string;
  /** Unhandled rejections and uncaught exceptions while fuzzing. */
  crashes: string[];
  /** What the server logged as unexpected (the first line of each). */
  logged: string[];
  healthProblems: string[];
  /** `xiaoxin-upload-*` folders in the temporary folder that were not there before. */
  leftoverUploads: string[];
  /** Why the run stopped before sending every request (the fuzzer itself failed), if it did. */
  stoppedEarly?: string;
}

export const isFailure = (status: RawReply['status']) => status === 'timeout' || (typeof status === 'number' && status >= 500);

export const passed = (r: FuzzResult) =>
  r.failingRoutes.size === 0 && r.crashes.length === 0 && r.healthProblems.length === 0 && r.stoppedEarly === undefined;

/** The bytes of `plan`, with the cookie and CSRF token of the account it is sent as. */
async function render(server: FuzzServer, plan: RequestPlan): Promise<RawRequest> {
  const role = plan.who === 'nobody' ? undefined : (plan.who as Role);
  const session = role ? await server.session(role) : undefined;
  const headers = { ...plan.headers };
  if (plan.cookie === 'session') {
    if (session) headers.cookie = session.cookie;
  } else if (plan.cookie !== 'none') headers.cookie = plan.cookie;
  if (plan.csrf === 'right') {
    if (session) headers['x-csrf-token'] = session.csrfToken;
  } else if (plan.csrf !== 'none') headers['x-csrf-token'] = plan.csrf;
  return { method: plan.method, path: plan.path, headers, ...(plan.body ? { body: Buffer.from(plan.body.text, plan.body.encoding) } : {}) };
}

async function execute(server: FuzzServer, plan: RequestPlan): Promise<{ request: RawRequest; reply: RawReply }> {
  const request = await render(server, plan);
  const reply = await send(server.base, request);
  // The fuzzer logged itself out (or logged in again over its session): a new session for what follows.
  if (reply.status === 401 && plan.who !== 'nobody' && plan.cookie === 'session') await server.session(plan.who, true);
  return { request, reply };
}

async function uploadFolders(): Promise<Set<string>> {
  return new Set((await readdir(os.tmpdir())).filter((name) => name.startsWith('xiaoxin-upload-')));
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzResult> {
  const seed = options.seed ?? (Date.now() ^ (Math.random() * 2 ** 31)) >>> 0;
  const crashes: string[] = [];
  const onCrash = (e: unknown) => crashes.push(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.on('unhandledRejection', onCrash);
  process.on('uncaughtException', onCrash);
  const uploadsBefore = await uploadFolders();
  const server = await startFuzzServer();
  const result: FuzzResult = {
    seed,
    requests: 0,
    byStatus: new Map(),
    failingRoutes: new Map(),
    failures: [],
    crashes,
    logged: [],
    healthProblems: [],
    leftoverUploads: [],
  };
  try {
    const arbitrary = anyRequest(server.routes);
    const run = await fc.check(
      fc.asyncProperty(arbitrary, async (plan) => {
        const { request, reply } = await execute(server, plan);
        result.requests++;
        const status = String(reply.status);
        result.byStatus.set(status, (result.byStatus.get(status) ?? 0) + 1);
        if (isFailure(reply.status)) {
          const seen = result.failingRoutes.get(plan.route) ?? 0;
          result.failingRoutes.set(plan.route, seen + 1);
          if (seen === 0) result.failures.push({ route: plan.route, status: reply.status, curl: curlLine(server.base, request), reply: reply.body.slice(0, 300) });
        }
        if (result.requests % 500 === 0) options.onProgress?.(result.requests);
        return true;
      }),
      { numRuns: options.requests, seed },
    );
    // The property never returns false: a failed check means it threw, and the run stopped there.
    if (run.failed) stoppedEarly(result, run.errorInstance);
    if (result.failingRoutes.size > 0) result.counterexample = await shrink(server, arbitrary, options.requests, seed);
    result.healthProblems = await healthProblems(server.base);
    result.logged = server.errors.map((e) => e.split('\n')[0] ?? '');
    result.leftoverUploads = [...(await uploadFolders())].filter((name) => !uploadsBefore.has(name));
  } finally {
    closeConnections();
    await server.close();
    process.off('unhandledRejection', onCrash);
    process.off('uncaughtException', onCrash);
  }
  return result;
}

function stoppedEarly(result: FuzzResult, error: unknown): void {
  result.stoppedEarly = `after ${result.requests} requests: ${error instanceof Error ? error.message : String(error)}`;
}

/** The same requests again, this time failing on the first 5xx so that fast-check shrinks it. */
async function shrink(
  server: FuzzServer,
  arbitrary: fc.Arbitrary<RequestPlan>,
  numRuns: number,
  seed: number,
): Promise<string | undefined> {
  let last: string | undefined;
  const check = await fc.check(
    fc.asyncProperty(arbitrary, async (plan) => {
      const { request, reply } = await execute(server, plan);
      if (!isFailure(reply.status)) return true;
      last = `${curlLine(server.base, request)}\n  → ${reply.status} ${reply.body.slice(0, 300)}`;
      return false;
    }),
    { numRuns, seed },
  );
  // `last` is the last failing request tried, which is the shrunk counterexample once shrinking ends.
  return check.failed ? last : undefined;
}

/** What is wrong with the server after the fuzz: empty when /healthz answers and a question is answered. */
export async function healthProblems(base: string): Promise<string[]> {
  const problems: string[] = [];
  const health = await send(base, { method: 'GET', path: '/healthz', headers: {} });
  if (health.status !== 200) problems.push(`GET /healthz: ${health.status} ${health.body}`);
  const chat = await send(base, {
    method: 'POST',
    path: '/api/chat',
    headers: { 'content-type': 'application/json' },
    body: Buffer.from(JSON.stringify({ message: '政务服务中心停车收费吗' })),
  });
  const text = chat.status === 200 ? (JSON.parse(chat.body) as { answer?: { text?: string } }).answer?.text : undefined;
  if (!text) problems.push(`POST /api/chat: ${chat.status} ${chat.body}`);
  return problems;
}
