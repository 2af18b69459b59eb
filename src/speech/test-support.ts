/**
 * @module speech/test-support
 * A local stand-in for a zone's OpenAI-compatible transcription server (`POST
 * /v1/audio/transcriptions`, multipart with `file` and `model`, JSON `{text}` back), for the
 * server, fuzz and browser tests. It parses the multipart body as a real server would (the
 * platform's own FormData parser) and keeps what it got, so that a test can check the recording.
 * Imports no test framework.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRecording {
  model: string;
  language?: string;
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

export interface TranscriptionStandIn {
  /** The base URL, as XIAOXIN_ASR_URL would name it (`http://127.0.0.1:PORT/v1`). */
  url: string;
  received: ReceivedRecording[];
  close(): Promise<void>;
}

async function body(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** `answer`: the text to return for a recording, or a status number to fail with. */
export async function startTranscriptionStandIn(answer: (recording: ReceivedRecording) => string | number): Promise<TranscriptionStandIn> {
  const received: ReceivedRecording[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      if (req.method !== 'POST' || req.url !== '/v1/audio/transcriptions') return void res.writeHead(404).end();
      const form = await new Request('http://stand-in/', {
        method: 'POST',
        headers: { 'content-type': req.headers['content-type'] ?? '' },
        body: new Uint8Array(await body(req)),
      }).formData();
      const file = form.get('file');
      if (!(file instanceof Blob)) return void res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"file is required"}');
      const language = form.get('language');
      const recording: ReceivedRecording = {
        model: String(form.get('model') ?? ''),
        ...(typeof language === 'string' ? { language } : {}),
        fileName: (file as File).name ?? '',
        contentType: file.type,
        bytes: Buffer.from(await file.arrayBuffer()),
      };
      received.push(recording);
      const result = answer(recording);
      if (typeof result === 'number') return void res.writeHead(result).end('failed');
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ text: result }));
    })().catch(() => res.writeHead(400).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    received,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
