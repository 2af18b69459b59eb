/**
 * @module enterprise/forms/values
 * The shapes shared by filling, asking and exporting: a field's value, where it came from, and the
 * validation rules of a field or a table column.
 */
import type { FieldFormat, ValueType } from './schema.js';

export type FieldValue = string | number | boolean | string[];

/** profile: a profile fact; derived: computed from facts; answered: given in conversation or the portal */
export type ValueOrigin = 'profile' | 'derived' | 'constant' | 'answered' | 'missing';

export interface ValueRules {
  type: ValueType;
  required: boolean;
  unit?: string;
  integer?: boolean;
  min?: number;
  max?: number;
  maxLength?: number;
  pattern?: { regex: string; message: string };
  format?: FieldFormat;
  options?: string[];
  aliases?: Record<string, string>;
  multiple?: boolean;
}
