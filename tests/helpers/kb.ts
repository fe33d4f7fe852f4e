import { runPipeline, type PipelineResult } from '../../scripts/lib/pipeline.ts';
import { readManifest, readSources } from '../../scripts/lib/read-sources.ts';
import { ROOT } from './fixtures.ts';

let cached: PipelineResult | undefined;

/** The pipeline run once over the real, vendored sources. */
export function realKnowledgeBase(): PipelineResult {
  cached ??= runPipeline(readSources(ROOT, readManifest(ROOT)), { base: '/' });
  return cached;
}
