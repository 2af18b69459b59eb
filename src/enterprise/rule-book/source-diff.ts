/**
 * @module enterprise/rule-book/source-diff
 * Two versions of a rule's YAML, line by line, for the editor's and the reviewer's diff: each line
 * kept, added or removed, with its line numbers in the old and the new text.
 */
import { diffLines } from 'diff';

export interface SourceDiffLine {
  kind: 'same' | 'added' | 'removed';
  text: string;
  /** the line's number in the older text */
  old?: number;
  /** the line's number in the newer text */
  new?: number;
}

/** Texts are bounded (64 KiB each) before they get here; the time bound guards the worst case all the same. */
const DIFF_TIMEOUT_MS = 2_000;

export function diffSources(before: string, after: string): SourceDiffLine[] {
  const parts = diffLines(before, after, { timeout: DIFF_TIMEOUT_MS }) ?? [{ value: before, removed: true }, { value: after, added: true }];
  const out: SourceDiffLine[] = [];
  let oldLine = 1;
  let newLine = 1;
  for (const part of parts) {
    const lines = part.value.replace(/\n$/, '').split('\n');
    if (part.value === '') continue;
    for (const text of lines) {
      if (part.added) out.push({ kind: 'added', text, new: newLine++ });
      else if (part.removed) out.push({ kind: 'removed', text, old: oldLine++ });
      else out.push({ kind: 'same', text, old: oldLine++, new: newLine++ });
    }
  }
  return out;
}
