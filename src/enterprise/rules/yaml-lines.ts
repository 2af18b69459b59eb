/**
 * @module enterprise/rules/yaml-lines
 * Where each value of a YAML document starts: a map from a path (`when.all.2.atLeast`) to its
 * 1-based line, read from js-yaml's event stream, so that a zod error on a field can name the
 * line of the file it came from.
 */
import { getScalarValue, load as loadYaml, parseEvents, type Event } from 'js-yaml';

const DOCUMENT = 1, SEQUENCE = 2, MAPPING = 3, SCALAR = 4, ALIAS = 5, POP = 6;

interface Frame { kind: 'map' | 'seq'; path: string[]; index: number; key?: string; expectKey: boolean }

export function yamlLines(source: string): Map<string, number> {
  const lines = new Map<string, number>();
  let events: Event[];
  try {
    events = parseEvents(source, {});
  } catch {
    return lines; // the loader reports the syntax error itself
  }
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') lineStarts.push(i + 1);
  const lineOf = (offset: number): number => {
    let lo = 0, hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid; else hi = mid - 1;
    }
    return lo + 1;
  };
  const stack: Frame[] = [];
  /** The path of the value about to start in the innermost collection, and advance it. */
  const nextPath = (): string[] => {
    const top = stack[stack.length - 1];
    if (!top) return [];
    if (top.kind === 'seq') return [...top.path, String(top.index++)];
    const path = [...top.path, top.key ?? '?'];
    top.expectKey = true;
    return path;
  };
  for (const event of events) {
    const top = stack[stack.length - 1];
    if (event.type === DOCUMENT) continue;
    if (event.type === POP) {
      stack.pop();
      continue;
    }
    if (top?.kind === 'map' && top.expectKey) {
      // A key: remember it; its line is where the value's entry is reported.
      top.key = event.type === SCALAR ? getScalarValue(source, event) : '?';
      top.expectKey = false;
      if (event.type === SCALAR) lines.set([...top.path, top.key].join('.'), lineOf(event.valueStart));
      if (event.type === MAPPING || event.type === SEQUENCE) stack.push({ kind: event.type === MAPPING ? 'map' : 'seq', path: [], index: 0, expectKey: true });
      continue;
    }
    const path = nextPath();
    const key = path.join('.');
    if (event.type === SCALAR) {
      if (!lines.has(key)) lines.set(key, lineOf(event.valueStart));
    } else if (event.type === MAPPING || event.type === SEQUENCE) {
      if (!lines.has(key) && event.start >= 0) lines.set(key, lineOf(event.start));
      stack.push({ kind: event.type === MAPPING ? 'map' : 'seq', path, index: 0, expectKey: true });
    } else if (event.type === ALIAS) {
      // an alias repeats a value defined elsewhere; its line is the alias's own, not known here
    }
  }
  return lines;
}

/** The line of the deepest known ancestor of a path (a missing field is reported at its parent). */
export function lineOfPath(lines: Map<string, number>, path: ReadonlyArray<PropertyKey>): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const line = lines.get(path.slice(0, n).map(String).join('.'));
    if (line !== undefined) return line;
  }
  return undefined;
}

/**
 * A YAML file's data, or the problem that stops it being read, named by file and line. js-yaml's
 * default schema has no `!!js/*` tags, so reading can never run code. Shared by rules and forms.
 */
export function readYaml(source: string, file: string): { ok: true; data: unknown } | { ok: false; problems: string[] } {
  try {
    return { ok: true, data: loadYaml(source, { filename: file }) };
  } catch (error) {
    const mark = (error as { mark?: { line: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? String(error);
    return { ok: false, problems: [`${file}${mark ? `:${mark.line + 1}` : ''}: 不是有效的 YAML：${reason}`] };
  }
}
