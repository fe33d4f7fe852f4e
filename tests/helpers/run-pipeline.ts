import { type PipelineOptions, type PipelineResult, readEntryFiles, readGlossary, readIdMap, readManifest, readSources, runPipeline } from '../../scripts/lib/index.ts';
import { ROOT } from './fixtures.ts';

/** The editors' files as the ingest reads them for the site. */
export function siteOptions(): PipelineOptions {
  return { base: '/', entryFiles: readEntryFiles(ROOT), idMap: readIdMap(ROOT), glossary: readGlossary(ROOT) };
}

/** The pipeline over the real, vendored sources, with the editors' files, as the site is built. */
export const runReal = (): PipelineResult => runPipeline(readSources(ROOT, readManifest(ROOT)), siteOptions());

/** The same without the editors' files: what the automatic grouping does on its own. */
export const runAutomatic = (): PipelineResult => runPipeline(readSources(ROOT, readManifest(ROOT)), { base: '/', glossary: readGlossary(ROOT) });
