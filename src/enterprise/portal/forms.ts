/**
 * @module enterprise/portal/forms
 * The form templates as the portal lists them: how much of each an enterprise's stored profile
 * fills in, and what is still missing (with the question that asks for it), before it downloads.
 */
import { fillForm, type FilledForm } from '../forms/fill.js';
import type { FormTemplate } from '../forms/schema.js';
import type { EnterpriseProfile } from '../profile.js';
import type { Rule } from '../rules/schema.js';

export interface FormSummary {
  id: string;
  title: string;
  subtitle?: string;
  audience: FormTemplate['audience'];
  reference?: string;
  /** values the profile fills in, of all the form's values (table cells count one each) */
  filled: number;
  total: number;
  /** nothing required missing and nothing invalid */
  complete: boolean;
  missing: Array<{ key: string; label: string; question: string; required: boolean }>;
  errors: Array<{ key: string; label: string; message: string }>;
  downloads: { docx: string; pdf: string };
}

export function formSummary(filled: FilledForm): FormSummary {
  const form = filled.form;
  const values = [...filled.values.values()];
  const path = `/api/enterprise/forms/${encodeURIComponent(form.id)}`;
  return {
    id: form.id,
    title: form.title,
    ...(form.subtitle ? { subtitle: form.subtitle } : {}),
    audience: form.audience,
    ...(form.reference ? { reference: form.reference } : {}),
    filled: values.filter((v) => v.value !== undefined).length,
    total: values.length,
    complete: filled.complete,
    missing: filled.missing.map((m) => ({ key: m.key, label: m.label, question: m.question, required: m.required })),
    errors: filled.errors,
    downloads: { docx: `${path}.docx`, pdf: `${path}.pdf` },
  };
}

/** The enterprise forms (not the citizens'), each filled from the profile as of `asOf`. */
export function formSummaries(forms: readonly FormTemplate[], rules: readonly Rule[], profile: EnterpriseProfile, asOf: string): FormSummary[] {
  return forms.filter((f) => f.audience === 'enterprise').map((form) => formSummary(fillForm(form, profile, {}, { asOf, rules })));
}
