/**
 * @module fuzz/report
 * The fuzz result as the text `npm run fuzz` prints: counts by status, 5xx by route, each
 * failure as a curl line, the shrunk counterexample, and the server's health afterwards.
 */
import { passed, type FuzzResult } from './runner.js';

export function fuzzReport(r: FuzzResult): string {
  const lines = [`fuzz: ${r.requests} requests, seed ${r.seed} (repeat with --seed ${r.seed})`, '', 'status  requests'];
  const statuses = [...r.byStatus].sort(([a], [b]) => a.localeCompare(b));
  for (const [status, n] of statuses) lines.push(`${status.padEnd(7)} ${String(n).padStart(8)}`);
  if (r.failingRoutes.size > 0) {
    lines.push('', '5xx or no answer, by route:');
    for (const [route, n] of [...r.failingRoutes].sort((a, b) => b[1] - a[1])) lines.push(`  ${String(n).padStart(6)}  ${route}`);
    lines.push('', 'The first of each, to reproduce:');
    for (const f of r.failures) lines.push(`  ${f.route} → ${f.status} ${f.reply}`, `    ${shortened(f.curl)}`);
  }
  if (r.counterexample) lines.push('', 'Smallest failing request (shrunk by fast-check):', `  ${r.counterexample}`);
  if (r.crashes.length) lines.push('', 'Crashes (unhandled rejections, uncaught exceptions):', ...r.crashes.map((c) => `  ${c}`));
  if (r.logged.length) lines.push('', `The server logged ${r.logged.length} unexpected errors; the first:`, ...r.logged.slice(0, 5).map((l) => `  ${l}`));
  if (r.stoppedEarly) lines.push('', `The fuzzer stopped early, ${r.stoppedEarly}`);
  if (r.leftoverUploads.length) lines.push('', `Upload folders left behind in the temporary folder: ${r.leftoverUploads.join(', ')}`);
  lines.push('', r.healthProblems.length ? `Unhealthy afterwards:\n${r.healthProblems.map((p) => `  ${p}`).join('\n')}` : 'Healthy afterwards: /healthz 200, /api/chat answers.');
  lines.push(passed(r) ? 'PASSED: no 5xx, no crash.' : 'FAILED.');
  return lines.join('\n');
}

/** A curl line of a huge request, cut (the shrunk counterexample below is printed whole). */
function shortened(line: string, max = 2000): string {
  return line.length <= max ? line : `${line.slice(0, max)} … (${line.length - max} more characters)`;
}
