/**
 * `npm run bench:speech`: time to first audio of POST /api/speech's work for a 60-character answer,
 * with the embedded espeak-ng, on one synthesis at a time (one core's worth): uncached (the reading
 * rules, pinyin and espeak-ng each time, a different answer each run) and cached (the same answer
 * again). Prints the median and the slowest of each, and the audio's length.
 */
import { probeEspeak, readWav, Speaker } from '../../src/speech/index.js';

const RUNS = 15;
/** 60 characters, the kind of answer the web app reads aloud: a place, hours, a phone number, an amount. */
const ANSWER = '请于2025年6月30日前到3号窗口提交材料，工作日9:00-17:00办理，3个工作日办结，咨询0571-88881234。';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function main(): Promise<void> {
  const probe = await probeEspeak();
  if (!probe.available) throw new Error(`bench:speech: ${probe.reason}`);
  const speaker = new Speaker({ concurrency: 1 });
  await speaker.start();
  console.log(`answer: ${[...ANSWER].length} characters`);
  await speaker.speak('预热。'); // the first spawn loads espeak-ng's data from disk
  const uncached: number[] = [];
  let seconds = 0;
  for (let i = 0; i < RUNS; i++) {
    // A different answer each time (the window number changes), so that nothing is cached.
    const text = ANSWER.replace('3号窗口', `${i + 4}号窗口`);
    const start = performance.now();
    const audio = await speaker.speak(text, 1);
    uncached.push(performance.now() - start);
    if (audio.cached) throw new Error('bench:speech: an uncached run came from the cache');
    seconds = readWav(audio.bytes)!.durationSeconds;
  }
  const cached: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const audio = await speaker.speak(ANSWER.replace('3号窗口', '4号窗口'), 1);
    cached.push(performance.now() - start);
    if (!audio.cached) throw new Error('bench:speech: a repeat was not cached');
  }
  console.log(`audio: ${seconds.toFixed(1)} s of speech (WAV, 22 kHz mono)`);
  console.log(`uncached: median ${ms(median(uncached))}, slowest ${ms(Math.max(...uncached))} (${RUNS} runs)`);
  console.log(`cached:   median ${ms(median(cached))}, slowest ${ms(Math.max(...cached))} (${RUNS} runs)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
