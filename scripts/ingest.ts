/**
 * `npm run ingest`: reads sources/sources.json and the sources, runs the pipeline, and writes the site's MDX
 * pages (src/content/docs/) and public/kb.json. Output is written aside and swapped in only when the whole
 * run succeeded, so a failed run leaves the last good output exactly as it was.
 *
 * Options: --root DIR (project root, default: this repository), --quiet. Environment: BASE_PATH (default "/"),
 * KB_EXTRA_MANIFEST (a manifest of sources added for one run, as the site tests do with hostile snippets).
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ANKI_DECK_FILE, groupingReport, ID_MAP, IngestError, normaliseBase, readEditorialData, readEntryFiles, readGlossary, readIdMap, readManifestWith, readSources, runPipeline, sourcesReport } from './lib/index.ts';

const DOCS_DIR = 'src/content/docs';
const KB_FILE = 'public/kb.json';
const REPORT_FILE = 'reports/grouping.md';
const SOURCES_REPORT_FILE = 'reports/sources.md';
const ANCHORS_FILE = 'public/anchors.json';
const ANKI_DIR = join('public', dirname(ANKI_DECK_FILE));
const STAGING = '.ingest-staging';

export interface IngestOptions {
  root: string;
  base?: string;
  /** A second manifest whose sources are added for this run only (tests); the id map is then not written. */
  extraManifest?: string;
  log?: (line: string) => void;
}

export function ingest({ root, base, extraManifest, log = console.log }: IngestOptions): ReturnType<typeof runPipeline> {
  const started = performance.now();
  const texts = readSources(root, readManifestWith(root, extraManifest));
  const result = runPipeline(texts, {
    base: normaliseBase(base),
    entryFiles: readEntryFiles(root),
    idMap: readIdMap(root),
    glossary: readGlossary(root),
    data: readEditorialData(root),
  });

  const staging = join(root, STAGING);
  rmSync(staging, { recursive: true, force: true });
  // Each output's place in the project and what goes there: one file's text, or a folder's files by path.
  const outputs: [string, string | Record<string, string>][] = [
    [DOCS_DIR, Object.fromEntries(result.pages.map((page) => [page.path, page.content]))],
    [KB_FILE, `${JSON.stringify(result.kb, null, 2)}\n`],
    [REPORT_FILE, groupingReport(result)],
    [SOURCES_REPORT_FILE, sourcesReport(result)],
    [ANCHORS_FILE, `${JSON.stringify(result.anchors)}\n`],
    [ANKI_DIR, { [basename(ANKI_DECK_FILE)]: result.ankiDeck }],
    ...(extraManifest ? [] : [[ID_MAP, `${JSON.stringify(result.idMap, null, 2)}\n`] as [string, string]]),
  ];
  for (const [target, content] of outputs) {
    for (const [path, text] of typeof content === 'string' ? [['', content] as const] : Object.entries(content)) {
      mkdirSync(dirname(join(staging, target, path)), { recursive: true });
      writeFileSync(join(staging, target, path), text);
    }
  }
  for (const [target] of outputs) swapIn(join(staging, target), join(root, target), staging);
  rmSync(staging, { recursive: true, force: true });

  const { stats, problems } = result;
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  log(
    `ingest: ${stats.sources} sources, ${stats.questions} question instances, ${stats.entries} entries (${stats.merged} merged), ` +
      `${stats.topics} topics, ${stats.terms} glossary terms, ${stats.removedLines} noise lines removed, ${problems.length} warnings, ${seconds}s`,
  );
  for (const p of problems) log(`  warning: ${p.file}:${p.line}: ${p.message}`);
  log(`  wrote ${result.pages.length} pages to ${DOCS_DIR}/, ${KB_FILE}, the grouping review in ${REPORT_FILE} and how each source was read in ${SOURCES_REPORT_FILE}`);
  return result;
}

/** Replaces `target` by `staged` with renames, so readers never see a half-written output. */
function swapIn(staged: string, target: string, staging: string): void {
  mkdirSync(dirname(target), { recursive: true });
  const previous = join(staging, `previous-${target.split(/[\\/]/).pop()}`);
  rmSync(previous, { recursive: true, force: true });
  try {
    renameSync(target, previous);
  } catch {
    // Nothing to replace on a first run.
  }
  renameSync(staged, target);
  rmSync(previous, { recursive: true, force: true });
}

const USAGE = 'usage: npm run ingest -- [--root DIR] [--quiet]';

function main(): void {
  let values: { root?: string; quiet?: boolean };
  try {
    ({ values } = parseArgs({ options: { root: { type: 'string' }, quiet: { type: 'boolean' } } }));
  } catch (error) {
    console.error(`ingest: ${(error as Error).message}\n  ${USAGE}`);
    process.exit(2);
  }
  const root = values.root === undefined ? resolve(dirname(fileURLToPath(import.meta.url)), '..') : resolve(values.root);
  try {
    ingest({ root, base: process.env.BASE_PATH, extraManifest: process.env.KB_EXTRA_MANIFEST, log: values.quiet ? () => {} : console.log });
  } catch (error) {
    rmSync(join(root, STAGING), { recursive: true, force: true });
    if (error instanceof IngestError) {
      console.error(`ingest failed: ${error.format()}\n  The previous output in ${DOCS_DIR}/ and ${KB_FILE} was left as it was.`);
      process.exit(1);
    }
    throw error;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
