/**
 * The pipeline's results on the real sources, run once per test run by tests/setup/pipeline.ts and read here;
 * a file run on its own outside that setup runs the pipeline itself.
 */
import { readFileSync } from 'node:fs';
import { deserialize } from 'node:v8';
import { inject } from 'vitest';
import type { PipelineResult } from '../../scripts/lib/index.ts';
import { runAutomatic, runReal } from './run-pipeline.ts';

export { siteOptions } from './run-pipeline.ts';

let real: PipelineResult | undefined;
let automatic: PipelineResult | undefined;

const shared = (which: 'real' | 'automatic'): PipelineResult | undefined => {
  const files = inject('pipelineResults');
  return files ? (deserialize(readFileSync(files[which])) as PipelineResult) : undefined;
};

/** The pipeline run once over the real, vendored sources, with the editors' curations and corrections, as the site is built. */
export function realKnowledgeBase(): PipelineResult {
  real ??= shared('real') ?? runReal();
  return real;
}

/** The same without curations: what the automatic grouping does on its own. */
export function automaticKnowledgeBase(): PipelineResult {
  automatic ??= shared('automatic') ?? runAutomatic();
  return automatic;
}
