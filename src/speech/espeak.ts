/**
 * @module speech/espeak
 * espeak-ng as a child process: tone-numbered pinyin in on stdin, a WAV out on stdout, within a
 * time limit and an output cap. `probeEspeak` tells at start-up whether the program and its
 * Mandarin pinyin voice are there, and if not, why.
 */
import { spawn } from 'node:child_process';
import { mendWavSizes } from './wav.js';

export const ESPEAK_VOICE = 'cmn-latn-pinyin';

export interface EspeakOptions {
  /** The program (default `espeak-ng` on PATH). */
  command?: string;
  /** Killed after this long (default 10 s). */
  timeoutMs?: number;
  /** Killed when its output passes this many bytes (default 16 MiB: about six minutes of espeak-ng's 22 kHz speech). */
  maxBytes?: number;
}

export type EspeakProbe = { available: true; voice: string } | { available: false; reason: string };

/** Output of a short run of espeak-ng with `args` (stdin from `input`), within the limits. */
function run(args: string[], input: string, options: EspeakOptions): Promise<Buffer> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxBytes = options.maxBytes ?? 16 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    const child = spawn(options.command ?? 'espeak-ng', args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let bytes = 0;
    let stderr = '';
    let failure: Error | undefined;
    const stop = (error: Error) => {
      failure ??= error;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => stop(new Error(`speech: espeak-ng took longer than ${timeoutMs} ms`)), timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > maxBytes) stop(new Error(`speech: espeak-ng wrote more than ${maxBytes} bytes`));
      else chunks.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 2000) stderr += chunk.toString();
    });
    child.on('error', (error) => stop(error));
    child.on('close', (code) => {
      clearTimeout(timer);
      if (failure) reject(failure);
      else if (code !== 0) reject(new Error(`speech: espeak-ng exited with ${code}: ${stderr.trim().slice(0, 200)}`));
      else resolve(Buffer.concat(chunks));
    });
    child.stdin.on('error', () => {}); // a child that died early: its exit says why
    child.stdin.end(input);
  });
}

/** Speaking rate (1 = normal, 0.5 half as fast) as espeak-ng's words a minute. */
export function espeakSpeed(rate: number): number {
  return Math.round(Math.min(450, Math.max(80, 170 * rate)));
}

/** A WAV of tone-numbered pinyin spoken by the Mandarin pinyin voice. */
export async function espeakWav(pinyin: string, rate: number, options: EspeakOptions = {}): Promise<Buffer> {
  const args = ['-v', ESPEAK_VOICE, '-s', String(espeakSpeed(rate)), '--stdout', '--stdin'];
  return mendWavSizes(await run(args, pinyin, options));
}

/** The phonemes espeak-ng would speak for tone-numbered pinyin (`-x -q`), for tests and checks. */
export async function espeakPhonemes(pinyin: string, options: EspeakOptions = {}): Promise<string> {
  return (await run(['-v', ESPEAK_VOICE, '-q', '-x', '--stdin'], pinyin, options)).toString('utf8').trim();
}

/** Whether espeak-ng and its Mandarin pinyin voice are installed; if not, a reason for the operator. */
export async function probeEspeak(options: EspeakOptions = {}): Promise<EspeakProbe> {
  let voices: string;
  try {
    voices = (await run(['--voices=cmn'], '', { timeoutMs: 5_000, ...options })).toString('utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return {
      available: false,
      reason: missing ? 'espeak-ng is not installed (apt-get install espeak-ng)' : `espeak-ng does not run: ${(error as Error).message}`,
    };
  }
  if (!voices.toLowerCase().includes(ESPEAK_VOICE)) {
    return { available: false, reason: `espeak-ng has no ${ESPEAK_VOICE} voice (Debian's espeak-ng-data has it)` };
  }
  return { available: true, voice: ESPEAK_VOICE };
}
