/**
 * Runs every rule test case in resources/rules/tests/ (OpenFisca-style YAML): each encoded rule
 * is checked at its thresholds — just below, at and just above.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rulebookOf } from './evaluate.js';
import { RULES_DIR, loadRules } from './load.js';
import { checkCase, readCaseFiles } from './test-cases.js';

const rules = loadRules();
const rulebook = rulebookOf(rules);
const files = readCaseFiles(join(RULES_DIR, 'tests'));

describe('rule test cases', () => {
  it('every rule has test cases', () => {
    const tested = new Set(files.map((f) => f.rule));
    expect(rules.map((r) => r.id).filter((id) => !tested.has(id))).toEqual([]);
  });
  for (const file of files) {
    describe(`${file.rule} (${file.file.split('/').pop()})`, () => {
      for (const testCase of file.cases) {
        it(testCase.name, () => {
          expect(checkCase(file, testCase, rulebook).problems).toEqual([]);
        });
      }
    });
  }
});
