/**
 * @module directory
 * The 七找 directory (issue #12): entries of six kinds (model), their checks in Chinese
 * (field-errors), writes with review and versions (service), search and filters (search, filter),
 * numeric wishes as people say them (constraints) and the chat's answers (chat). docs/DIRECTORY.md.
 */
export * from './model.js';
export { checkEntry, ENTRY_FIELD_LABELS, type EntryFieldError } from './field-errors.js';
export { answerFromDirectory, MAX_LISTED } from './chat.js';
export { mayAskDirectory } from './intent.js';
export { parseConstraints, type Constraints, type Range } from './constraints.js';
export { matchesFilter, type DirectoryFilter } from './filter.js';
export { DirectoryIndex, type DirectoryHit } from './search.js';
export { DirectoryCatalog } from './catalog.js';
export { cardOf, type DirectoryCard, type DirectoryFact } from './present.js';
export { createEntry, updateEntry, setArchived, reviewPost, submitPost, DirectoryInputError, MAX_PENDING_POSTS, MAX_POST_DAYS } from './service.js';
