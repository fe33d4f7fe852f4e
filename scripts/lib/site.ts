/**
 * The ingest's face to the site (src/, astro.config.mjs): the little the site needs of it, from modules that
 * load nothing else of the ingest. The site imports the ingest through this file only (.dependency-cruiser.cjs).
 */
export { normaliseBase } from './shared/base.ts';
export { KnowledgeBaseSchema, type KnowledgeBase } from './read/schema.ts';
export { ANKI_DECK_FILE, homeTagline } from './render/names.ts';
export { mathInTextAsText, readableText } from './render/readable.ts';
export { buildConceptIndex } from './text/concepts.ts';
export { stem } from './text/stem.ts';
export { repositoryData } from './read/sources.ts';
export type { ConceptDefinition, DiagramDefinition } from './read/editorial-data.ts';
