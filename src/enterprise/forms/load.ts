/**
 * @module enterprise/forms/load
 * Reads form templates (resources/forms/*.yaml) into checked forms. As with the rules, js-yaml's
 * default schema runs no code, and every problem names the file, the line and the field:
 * `resources/forms/x.yaml:31: sections.0.fields.4.type: Invalid option …`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { flattenIssues, formatPath } from '../rules/issues.js';
import { lineOfPath, readYaml, yamlLines } from '../rules/yaml-lines.js';
import { formSchema, isTable, type FormTemplate } from './schema.js';

export const FORMS_DIR = fileURLToPath(new URL('../../../resources/forms/', import.meta.url));

export class FormLoadError extends Error {
  constructor(readonly problems: string[]) {
    super(`表单模板有误：\n${problems.join('\n')}`);
    this.name = 'FormLoadError';
  }
}

export type ParsedForm = { ok: true; form: FormTemplate } | { ok: false; problems: string[] };

/** Parses one template's text; `file` is used in the problems. */
export function parseForm(source: string, file: string): ParsedForm {
  const read = readYaml(source, file);
  if (!read.ok) return read;
  const data = read.data;
  const parsed = formSchema.safeParse(data);
  const lines = yamlLines(source);
  const at = (path: PropertyKey[]): string => {
    const line = lineOfPath(lines, path);
    return `${file}${line ? `:${line}` : ''}: ${formatPath(path)}`;
  };
  if (!parsed.success) return { ok: false, problems: flattenIssues(parsed.error.issues).map((issue) => `${at(issue.path)}: ${issue.message}`) };
  const problems = formProblems(parsed.data).map((p) => `${at(p.path)}: ${p.message}`);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, form: parsed.data };
}

/** What the schema cannot see: duplicate field ids, table cells naming columns that do not exist. */
function formProblems(form: FormTemplate): Array<{ path: PropertyKey[]; message: string }> {
  const problems: Array<{ path: PropertyKey[]; message: string }> = [];
  const ids = new Set<string>();
  form.sections.forEach((section, s) =>
    section.fields.forEach((field, f) => {
      const path = ['sections', s, 'fields', f];
      if (ids.has(field.id)) problems.push({ path: [...path, 'id'], message: `field id ${field.id} is used twice` });
      ids.add(field.id);
      if (!isTable(field)) return;
      const columns = new Set(field.columns.map((c) => c.id));
      if (Array.isArray(field.rows)) {
        field.rows.forEach((row, r) => {
          for (const col of Object.keys(row.cells ?? {})) if (!columns.has(col)) problems.push({ path: [...path, 'rows', r, 'cells', col], message: `no column ${col} in this table` });
          field.columns.forEach((col) => {
            if (!row.cells?.[col.id] && !col.source) problems.push({ path: [...path, 'rows', r], message: `no source for column ${col.id}: give the column a source or the row a cell` });
          });
        });
      } else {
        field.columns.forEach((col, c) => {
          if (!col.source) problems.push({ path: [...path, 'columns', c], message: 'a column of a year table needs a source' });
        });
      }
    }),
  );
  return problems;
}

/** Every template in a folder (`*.yaml`, `*.yml`, `*.json`), checked together. */
export function loadForms(dir: string = FORMS_DIR): FormTemplate[] {
  const files = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ya?ml|json)$/i.test(entry.name))
    .map((entry) => entry.name)
    .sort();
  const forms: FormTemplate[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const name of files) {
    const file = join(dir, name);
    const parsed = parseForm(readFileSync(file, 'utf8'), file);
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      continue;
    }
    if (seen.has(parsed.form.id)) problems.push(`${file}: id: 表单 id ${parsed.form.id} 重复`);
    seen.add(parsed.form.id);
    forms.push(parsed.form);
  }
  if (problems.length > 0) throw new FormLoadError(problems);
  return forms;
}
