/**
 * The fuzz suite in `npm test` (issue #9, item 6): a couple of thousand generated hostile
 * requests against every route of a real server, as nobody and as each role; no 5xx, no crash,
 * and the server healthy afterwards. `npm run fuzz -- --requests 20000` is the long run. A failure
 * prints the seed, the counts and a curl line per failing route.
 */
import { describe, expect, it } from 'vitest';
import { fuzzReport } from './report.js';
import { passed, runFuzz } from './runner.js';

describe('fuzzing every route', () => {
  it('gives no 5xx and leaves the server healthy', async () => {
    const result = await runFuzz({ requests: 2000 });
    const report = fuzzReport(result);
    expect(result.requests).toBe(2000);
    // Every route was reached past its guards at least sometimes: some answers are neither 401 nor 403.
    expect([...result.byStatus.keys()]).toEqual(expect.arrayContaining(['200', '400', '401']));
    expect(passed(result), report).toBe(true);
  }, 180_000);
});
