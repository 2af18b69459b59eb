/** @module knowledge — the item model shared by every other part. */
export * from './schema.js';
export * from './validate.js';
export * from './content.js';
export * from './item-diff.js';
