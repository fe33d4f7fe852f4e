/**
 * The ingest's face to the tools around it (scripts/ingest.ts, the benches, review, the schemas writer): the
 * pipeline, its readers, and the pieces of a stage a tool measures on its own. Tools import the ingest through
 * this file only (.dependency-cruiser.cjs); the stages' folders are free to change behind it.
 */
import { LAYOUTS } from './parse/index.ts';
import * as read from './read/sources.ts';

export { runPipeline, type PipelineOptions, type PipelineResult } from './pipeline.ts';
export { normaliseBase } from './shared/base.ts';
export { IngestError } from './shared/errors.ts';

// Read: the manifest is checked against the parse stage's layouts, wired here so reading depends on no later stage.
export { decodeSource, ID_MAP, MANIFEST, readEditorialData, readEntryFiles, readGlossary, readIdMap, readSources, repositoryData } from './read/sources.ts';
export { DiagramSchema, TopicsSchema, VocabularySchema, type ConceptDefinition, type EditorialData } from './read/editorial-data.ts';
/** The manifest (sources/sources.json, or `file`), checked against the layouts the parsers read. */
export const readManifest = (root: string, file?: string) => read.readManifest(root, LAYOUTS, file);
/** The manifest with another manifest's sources after its own (KB_EXTRA_MANIFEST, review's --with). */
export const readManifestWith = (root: string, extra?: string) => read.readManifestWith(root, LAYOUTS, extra);
export { KnowledgeBaseSchema, manifestSchemaFor, sourceSchemaFor, type KnowledgeBase, type Manifest, type Source } from './read/schema.ts';
export { GlossaryDataSchema } from './read/glossary-data.ts';
export type { SourceText } from './read/types.ts';
export { LAYOUTS } from './parse/index.ts';
export type { Variant } from './clean/types.ts';

// Group: what the grouping bench and review measure and explain.
export { groupVariants, keptApartBy } from './group/index.ts';
export { resemblanceAmong, type ResemblanceParts } from './group/resemblance.ts';
export { type JoinFeatures, JOIN_THRESHOLD, JOIN_WEIGHTS, type JoinWeights, joinProbability } from './group/answer-join.ts';
export { isNamed } from './editorial/curate.ts';

// Render: the files the ingest writes besides the pages.
export { ANKI_DECK_FILE } from './render/names.ts';
export { groupingReport, sourcesReport } from './render/report.ts';

// The text layer.
export { buildConceptIndex, normaliseWords } from './text/concepts.ts';
export { buildLexicon } from './text/lexicon.ts';
export { normaliseWording, slugify } from './text/slug.ts';
