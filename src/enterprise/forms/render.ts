/**
 * @module enterprise/forms/render
 * The one call the server and the chat need: a form by id, filled from a profile and the answers
 * given so far, as DOCX or PDF bytes with a file name and content type — plus the filled form, so
 * the caller can say what is still missing.
 */
import type { EnterpriseProfile } from '../profile.js';
import { shippedForms, shippedRules } from '../shipped.js';
import type { Rule } from '../rules/schema.js';
import { formToDocx } from './docx.js';
import { fillForm, type Answers, type FilledForm } from './fill.js';
import { formToPdf } from './pdf.js';
import type { FormTemplate } from './schema.js';

export type FormFormat = 'docx' | 'pdf';

export interface RenderedForm {
  bytes: Uint8Array;
  /** 高新技术企业认定申请书-星河智测科技有限公司.pdf */
  fileName: string;
  contentType: string;
  filled: FilledForm;
}

export interface RenderOptions {
  /** YYYY-MM-DD; defaults to today in `timeZone` (the server passes its zone's today) */
  asOf?: string;
  timeZone?: string;
  /** defaults to resources/forms and resources/rules, read once */
  forms?: readonly FormTemplate[];
  rules?: readonly Rule[];
  /** a font file for the PDF instead of the installed ones found */
  fontPath?: string;
}

export class UnknownFormError extends Error {
  constructor(readonly formId: string) {
    super(`没有这张表：${formId}`);
    this.name = 'UnknownFormError';
  }
}

function shippedTemplates(): { forms: readonly FormTemplate[]; rules: readonly Rule[] } {
  return { forms: shippedForms(), rules: shippedRules() };
}

const CONTENT_TYPES: Record<FormFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/** File names keep Chinese; characters file systems refuse are dropped. */
export function formFileName(form: FormTemplate, holder: string | undefined, format: FormFormat): string {
  const safe = (s: string) => s.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '').trim();
  return `${safe(form.title)}${holder ? `-${safe(holder)}` : ''}.${format}`;
}

export async function renderForm(formId: string, profile: EnterpriseProfile | undefined, answers: Answers, format: FormFormat, options: RenderOptions = {}): Promise<RenderedForm> {
  const forms = options.forms ?? shippedTemplates().forms;
  const form = forms.find((f) => f.id === formId);
  if (!form) throw new UnknownFormError(formId);
  const rules = options.rules ?? shippedTemplates().rules;
  const filled = fillForm(form, profile ?? {}, answers, { ...(options.asOf ? { asOf: options.asOf } : {}), ...(options.timeZone ? { timeZone: options.timeZone } : {}), rules });
  const bytes = format === 'pdf' ? await formToPdf(filled, options.fontPath ? { fontPath: options.fontPath } : {}) : await formToDocx(filled);
  const holder = profile?.name ?? (typeof answers['businessName'] === 'string' ? answers['businessName'] : undefined);
  return { bytes, fileName: formFileName(form, holder, format), contentType: CONTENT_TYPES[format], filled };
}

/** The forms shipped, for a list to choose from: id, title, audience. */
export function listForms(forms: readonly FormTemplate[] = shippedTemplates().forms): Array<Pick<FormTemplate, 'id' | 'title' | 'audience'> & { subtitle?: string }> {
  return forms.map((f) => ({ id: f.id, title: f.title, audience: f.audience, ...(f.subtitle ? { subtitle: f.subtitle } : {}) }));
}
