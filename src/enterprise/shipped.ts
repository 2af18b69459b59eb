/**
 * @module enterprise/shipped
 * The rules and form templates shipped in resources/, read and checked once per process: every
 * request and chat turn shares them (reading the YAML again each time would cost milliseconds).
 */
import { loadForms } from './forms/load.js';
import type { FormTemplate } from './forms/schema.js';
import { loadRules } from './rules/load.js';
import type { Rule } from './rules/schema.js';

let rules: Rule[] | undefined;
let forms: FormTemplate[] | undefined;

export function shippedRules(): readonly Rule[] {
  rules ??= loadRules();
  return rules;
}

export function shippedForms(): readonly FormTemplate[] {
  forms ??= loadForms();
  return forms;
}
