/** @module answering — from a question to a cited answer. */
export { Assistant, type AskOptions, type AssistantOptions, type Response } from './assistant.js';
export * from './answer.js';
export { detectFieldIntent, looksLikeFollowUp, parseChoice, type FieldIntent } from './intent.js';
export { extractAnswer } from './extract.js';
