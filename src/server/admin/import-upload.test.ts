/**
 * @module server/admin/import-upload.test — bad and hostile uploads to the import preview over
 * real HTTP: a broken multipart body is a 4xx naming the problem, no temporary folder outlives
 * its request (an aborted upload included), and a bomb being parsed does not stop the server
 * from answering.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxOf } from '../../ingestion/bombs-test-support.js';
import { closeParsePools } from '../../ingestion/index.js';
import { loggedIn, STAFF, startAdminServer, type AdminClient, type AdminSetup } from './test-support.js';

let setup: AdminSetup;
let editor: AdminClient;
let tmp = '';
const savedTmpdir = process.env.TMPDIR;

beforeAll(async () => {
  // A private temporary folder, so that leftovers of other tests cannot be mistaken for ours.
  tmp = await mkdtemp(path.join(os.tmpdir(), 'xiaoxin-upload-test-'));
  process.env.TMPDIR = tmp;
  setup = await startAdminServer({ importLimits: { timeoutSeconds: 3 } });
  editor = await loggedIn(setup.base, STAFF.editor);
}, 120_000);
afterAll(async () => {
  await setup?.close();
  await closeParsePools();
  process.env.TMPDIR = savedTmpdir;
  if (savedTmpdir === undefined) delete process.env.TMPDIR;
  await rm(tmp, { recursive: true, force: true });
});

const uploadFolders = async () => (await readdir(tmp)).filter((n) => n.startsWith('xiaoxin-upload-'));

/** Waits (a while at most) until no upload folder is left; returns what is left. */
async function foldersLeft(): Promise<string[]> {
  for (let i = 0; i < 100; i++) {
    const left = await uploadFolders();
    if (left.length === 0) return left;
    await new Promise((r) => setTimeout(r, 100));
  }
  return uploadFolders();
}

const BOUNDARY = 'xiaoxinBoundary7MA4YWxkTrZu0gW';
const part = (name: string, content: string) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n${content}\r\n`;


async function post(body: string | Buffer, contentType: string) {
  const headers: Record<string, string> = { 'content-type': contentType, cookie: editor.cookie!, 'x-csrf-token': editor.csrfToken! };
  const res = await fetch(`${setup.base}/api/admin/import/preview`, { method: 'POST', headers, body: typeof body === 'string' ? body : new Uint8Array(body) });
  return { status: res.status, body: (await res.json()) as { error?: string } };
}

describe('broken uploads', () => {
  it('a multipart body cut short before its closing boundary is a 400 saying so', async () => {
    const reply = await post(part('faq.jsonl', '{"kind":"faq"}').slice(0, -10), `multipart/form-data; boundary=${BOUNDARY}`);
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatch(/ends before its closing boundary/);
    expect(await foldersLeft()).toEqual([]);
  });

  it('multipart without a boundary is a 400 saying so', async () => {
    const reply = await post(part('faq.jsonl', '{}'), 'multipart/form-data');
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatch(/boundary/);
  });

  it('a body that is not multipart is a 400 saying what to send', async () => {
    const reply = await post('{"kind":"faq"}', 'text/plain');
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatch(/multipart\/form-data/);
  });

  it('a file over the size limit is a 413 naming the file, and leaves no folder behind', async () => {
    const big = Buffer.alloc(21 * 1024 * 1024, 'a');
    const body = Buffer.concat([Buffer.from(part('big.txt', '').slice(0, -2)), big, Buffer.from(`\r\n--${BOUNDARY}--\r\n`)]);
    const reply = await post(body, `multipart/form-data; boundary=${BOUNDARY}`);
    expect(reply.status).toBe(413);
    expect(reply.body.error).toMatch(/big\.txt.*20 MiB/);
    expect(await foldersLeft()).toEqual([]);
  });

  it.each([
    ['after its headers', 0],
    ['half-way through a file', 0.5],
  ])('an upload the client abandons %s leaves no temporary folder behind', async (_, sent) => {
    const body = part('half.txt', '通知'.repeat(50_000));
    const url = new URL(setup.base);
    const socket = net.connect(Number(url.port), url.hostname);
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(
      `POST /api/admin/import/preview HTTP/1.1\r\nHost: ${url.host}\r\nCookie: ${editor.cookie}\r\nX-CSRF-Token: ${editor.csrfToken}\r\n` +
        `Content-Type: multipart/form-data; boundary=${BOUNDARY}\r\nContent-Length: ${Buffer.byteLength(body) + 100}\r\n\r\n`,
    );
    socket.write(body.slice(0, Math.floor(body.length * sent)));
    // Until the server has made the folder, there is nothing to check.
    for (let i = 0; i < 100 && (await uploadFolders()).length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await uploadFolders()).toHaveLength(1);
    socket.destroy();
    expect(await foldersLeft()).toEqual([]);
  });
});

describe('a bomb being parsed', () => {
  it('leaves /healthz and /api/chat answering meanwhile', async () => {
    // A million paragraphs in 150 KB: gigabytes and minutes to mammoth; stopped at the 3 s limit.
    const form = new FormData();
    form.append('files', new Blob([new Uint8Array(docxOf(1_000_000))]), 'paragraphs.docx');
    const order: string[] = [];
    const preview = editor.request('POST', '/api/admin/import/preview', form).then((reply) => {
      order.push('preview');
      return reply;
    });
    await new Promise((r) => setTimeout(r, 300));
    const health = await fetch(`${setup.base}/healthz`);
    order.push(`healthz ${health.status}`);
    const chat = await fetch(`${setup.base}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: '停车收费吗' }) });
    order.push(`chat ${chat.status}`);
    const reply = await preview;
    expect(order).toEqual(['healthz 200', 'chat 200', 'preview']);
    expect(reply.status).toBe(200);
    expect(reply.body.problems).toEqual([
      { file: 'paragraphs.docx', message: expect.stringMatching(/took longer than 3 s to read|needs more than \d+ MB of memory/) },
    ]);
    expect(await foldersLeft()).toEqual([]);
  });
});
