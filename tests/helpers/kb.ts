import { type PipelineOptions, runPipeline, type PipelineResult } from '../../scripts/lib/pipeline.ts';
import { readEntryFiles, readGlossary, readIdMap, readManifest, readSources } from '../../scripts/lib/index.ts';
import { ROOT } from './fixtures.ts';

let cached: PipelineResult | undefined;

/** The editors' files as the ingest reads them for the site. */
export function siteOptions(): PipelineOptions {
  return { base: '/', entryFiles: readEntryFiles(ROOT), idMap: readIdMap(ROOT), glossary: readGlossary(ROOT) };
}

let automatic: PipelineResult | undefined;

/** The pipeline run once over the real, vendored sources, with the editors' curations and corrections, as the site is built. */
export function realKnowledgeBase(): PipelineResult {
  cached ??= runPipeline(readSources(ROOT, readManifest(ROOT)), siteOptions());
  return cached;
}

/** The same without curations: what the automatic grouping does on its own. */
export function automaticKnowledgeBase(): PipelineResult {
  automatic ??= runPipeline(readSources(ROOT, readManifest(ROOT)), { base: '/', glossary: readGlossary(ROOT) });
  return automatic;
}

