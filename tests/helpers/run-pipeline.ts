import { type PipelineOptions, type PipelineResult, readEntryFiles, readGlossary, readIdMap, readManifest, readSources, runPipeline } from '../../scripts/lib/index.ts';
import { VFile } from 'vfile';
import type { EntryFile } from '../../scripts/lib/read/entry-files.ts';
import { ROOT } from './fixtures.ts';

let entryFiles: EntryFile[] | undefined;

/**
 * The editors' files as the ingest reads them, read once per test worker: reading and checking them is a large
 * part of a run. A run records its errors on the files' messages, so each caller gets files with none yet.
 */
export function realEntryFiles(): EntryFile[] {
  entryFiles ??= readEntryFiles(ROOT);
  return entryFiles.map((file) => ({ ...file, vfile: new VFile({ path: file.vfile.path, value: file.vfile.value }) }));
}

/** The editors' files as the ingest reads them for the site. */
export function siteOptions(): PipelineOptions {
  return { base: '/', entryFiles: realEntryFiles(), idMap: readIdMap(ROOT), glossary: readGlossary(ROOT) };
}

/** The pipeline over the real, vendored sources, with the editors' files, as the site is built. */
export const runReal = (): PipelineResult => runPipeline(readSources(ROOT, readManifest(ROOT)), siteOptions());

/** The same without the editors' files: what the automatic grouping does on its own. */
export const runAutomatic = (): PipelineResult => runPipeline(readSources(ROOT, readManifest(ROOT)), { base: '/', glossary: readGlossary(ROOT) });
