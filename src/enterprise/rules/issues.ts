/**
 * @module enterprise/rules/issues
 * zod issues as `path: message`. A union (a condition is one of several shapes) fails with one list
 * of issues per shape; the shape the author meant is the one that went deepest with the fewest
 * complaints, and only its issues are reported — not a dozen about shapes nobody wrote.
 */
import type { z } from 'zod';
import { lineOfPath, yamlLines } from './yaml-lines.js';

export interface PlainIssue { path: PropertyKey[]; message: string }

export function flattenIssues(issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[] = []): PlainIssue[] {
  const out: PlainIssue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const branches = issue.errors.map((branch) => flattenIssues(branch, path));
      out.push(...bestBranch(branches, path.length));
    } else {
      out.push({ path, message: issue.message });
    }
  }
  return out;
}

/** Prefers a branch that did not reject the object's keys outright, then the deepest, then the shortest. */
function bestBranch(branches: PlainIssue[][], depth: number): PlainIssue[] {
  const rank = (branch: PlainIssue[]): [number, number, number] => {
    const rejectsShape = branch.some((i) => i.path.length === depth && /Unrecognized key|expected object|Invalid input|未知的键|期望 对象|无效输入/i.test(i.message)) ? 1 : 0;
    const deepest = Math.max(0, ...branch.map((i) => i.path.length));
    return [rejectsShape, -deepest, branch.length];
  };
  let best = branches[0]!;
  for (const branch of branches.slice(1)) {
    const [a, b] = [rank(branch), rank(best)];
    if (a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] < b[2])))) best = branch;
  }
  return best;
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.') || '(top level)';
}

/** Zod's complaints about a YAML text, each named by the field and the line it sits on. */
export function problemsAtLines(source: string, issues: readonly z.core.$ZodIssue[]): { line?: number; field: string; message: string }[] {
  const lines = yamlLines(source);
  return flattenIssues(issues).map((issue) => {
    const line = lineOfPath(lines, issue.path);
    return { ...(line ? { line } : {}), field: formatPath(issue.path), message: issue.message };
  });
}
