/**
 * @module enterprise/forms
 * Smart form filling (智能填表): templates as data, pre-filled from the enterprise profile and the
 * answers given in conversation, validated field by field, exported as DOCX and PDF.
 */
export { formSchema, isTable, type FormTemplate, type FormField, type ValueField, type TableField, type FieldSource } from './schema.js';
export { loadForms, parseForm, FormLoadError, FORMS_DIR } from './load.js';
export { fillForm, type FilledForm, type FilledField, type FilledTable, type FilledValue, type MissingValue, type Answers, type FillOptions } from './fill.js';
export type { FieldValue, ValueOrigin } from './values.js';
export { parseQuantity, parseSpokenNumber, parseYesNo } from './spoken-numbers.js';
export { idCardProblem } from './formats.js';
export { formToDocx } from './docx.js';
export { formToPdf } from './pdf.js';
export { findCjkFonts, NoCjkFontError } from './cjk-font.js';
export { renderForm, listForms, formFileName, UnknownFormError, type FormFormat, type RenderedForm, type RenderOptions } from './render.js';
