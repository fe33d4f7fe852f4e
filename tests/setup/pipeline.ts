/**
 * Runs the whole pipeline once per test run, over the real sources (with and without the editors' files), and
 * hands the results to every unit test file that reads them (tests/helpers/kb.ts): each file would otherwise run
 * it again in its own module graph. The results are written with Node's structured serialisation, which keeps
 * Maps, regular expressions and objects shared between fields (an entry's variants are its group's).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import type { TestProject } from 'vitest/node';
import { ROOT } from '../helpers/fixtures.ts';
import { runAutomatic, runReal } from '../helpers/run-pipeline.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The serialised pipeline results (tests/helpers/kb.ts reads them). */
    pipelineResults: { real: string; automatic: string };
  }
}

export default function setup(project: TestProject): () => void {
  const dir = join(ROOT, '.tmp', `unit-pipeline-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const files = { real: join(dir, 'real.bin'), automatic: join(dir, 'automatic.bin') };
  writeFileSync(files.real, serialize(runReal()));
  writeFileSync(files.automatic, serialize(runAutomatic()));
  project.provide('pipelineResults', files);
  return () => rmSync(dir, { recursive: true, force: true });
}
