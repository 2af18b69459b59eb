/**
 * @module cli/tls-files
 * The certificate and key `xiaoxin serve` speaks HTTPS with (XIAOXIN_TLS_CERT, XIAOXIN_TLS_KEY),
 * read and checked before anything starts: a wrong path or a key that does not match the
 * certificate is one sentence naming the setting, not a stack trace after the index is built.
 */
import { readFile } from 'node:fs/promises';
import { createSecureContext } from 'node:tls';
import { UsageError } from './errors.js';

/** PEM files are a few kilobytes; a larger file is not one (and is not read whole). */
const MAX_PEM_BYTES = 1024 * 1024;

export async function readTlsFiles(files: { certFile: string; keyFile: string }): Promise<{ cert: Buffer; key: Buffer }> {
  const cert = await readPem('XIAOXIN_TLS_CERT', files.certFile);
  const key = await readPem('XIAOXIN_TLS_KEY', files.keyFile);
  try {
    createSecureContext({ cert, key });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`XIAOXIN_TLS_CERT / XIAOXIN_TLS_KEY: not a certificate and its private key in PEM (${reason})`);
  }
  return { cert, key };
}

async function readPem(setting: string, file: string): Promise<Buffer> {
  let content: Buffer;
  try {
    content = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new UsageError(`${setting}: cannot read "${file}" (${code})`);
  }
  if (content.length > MAX_PEM_BYTES) throw new UsageError(`${setting}: "${file}" is larger than 1 MiB, not a PEM file`);
  return content;
}
