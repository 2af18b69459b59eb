/**
 * @module fuzz/http
 * Sends a fuzzed request as it is, bytes and all: node:http rather than fetch, because fetch
 * normalises paths (`..` disappears) and refuses some of the bodies and headers we want to send.
 * Also writes any request as a curl line that reproduces it.
 */
import http from 'node:http';

export interface RawRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

export interface RawReply {
  /** The status, or `error` when the connection failed and `timeout` when no answer came. */
  status: number | 'error' | 'timeout';
  body: string;
  /** The first Set-Cookie, as `name=value`. */
  cookie?: string;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

export function send(base: string, request: RawRequest, timeoutMs = 15_000): Promise<RawReply> {
  const url = new URL(base);
  return new Promise((resolve) => {
    const headers = { ...request.headers, ...(request.body ? { 'content-length': String(request.body.length) } : {}) };
    const req = http.request(
      { host: url.hostname, port: url.port, method: request.method, path: request.path, headers, agent, setHost: true },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        const cookie = res.headers['set-cookie']?.[0]?.split(';')[0];
        res.on('end', () => resolve({ status: res.statusCode ?? 'error', body: Buffer.concat(chunks).toString('utf8'), ...(cookie ? { cookie } : {}) }));
        res.on('error', (e) => resolve({ status: 'error', body: String(e) }));
      },
    );
    req.setTimeout(timeoutMs, () => {
      req.destroy();
      resolve({ status: 'timeout', body: '' });
    });
    req.on('error', (e) => resolve({ status: 'error', body: String(e) }));
    req.end(request.body);
  });
}

export function closeConnections(): void {
  agent.destroy();
}

/** A shell line that sends the same bytes: the body through printf, so that NUL and invalid UTF-8 survive. */
export function curlLine(base: string, request: RawRequest): string {
  const quote = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;
  const parts = ['curl', '-sS', '-i', '--path-as-is', '-X', request.method];
  for (const [name, value] of Object.entries(request.headers)) parts.push('-H', quote(`${name}: ${value}`));
  parts.push(quote(`${base}${request.path}`));
  if (!request.body) return parts.join(' ');
  const escaped = [...request.body].map((b) => (b >= 0x20 && b < 0x7f && b !== 0x5c && b !== 0x27 && b !== 0x25 ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`)).join('');
  return `printf '%b' ${quote(escaped)} | ${parts.join(' ')} --data-binary @-`;
}
