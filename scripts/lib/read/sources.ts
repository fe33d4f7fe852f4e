/** Reads and checks the manifest and the source files: the only file reads of the ingest. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { IngestError } from '../shared/errors.ts';
import { EMPTY_GLOSSARY, type GlossaryData, GlossaryDataSchema } from './glossary-data.ts';
import type { SourceText } from './types.ts';
import { EMPTY_ID_MAP, type IdMap, IdMapSchema } from './id-map.ts';
import { type LayoutOptions, type Manifest, manifestSchemaFor } from './schema.ts';
import { ENTRIES_DIR, type EntryFile, parseEntryFile } from './entry-files.ts';
import { check, readPositioned, stopOnErrors, VFile } from '../shared/check.ts';
import type { z } from 'zod';

export const MANIFEST = 'sources/sources.json';
export const ID_MAP = 'sources/entry-ids.json';
export const GLOSSARY = 'sources/glossary.json';

function readJson(root: string, file: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(join(root, file), 'utf8'));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const line = /line (\d+)/.exec(detail)?.[1];
    throw new IngestError(file, `the ${what} is not valid JSON (${detail})`, 'fix the JSON syntax, e.g. a missing comma or quote', line ? Number(line) : undefined);
  }
}

function firstIssue(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0]!;
  return `${issue.path.length ? `at ${issue.path.map(String).join('.')}: ` : ''}${issue.message}`;
}

/** A JSON file the editors write, checked strictly against its schema: every problem at its line, reported together. */
function readChecked<S extends z.ZodType>(root: string, file: string, what: string, schema: S): z.infer<S> {
  const text = (readJson(root, file, what), readFileSync(join(root, file), 'utf8'));
  const vfile = new VFile({ path: file, value: text });
  const read = readPositioned(text, vfile);
  const data = read && check(schema, read, vfile);
  stopOnErrors([vfile]);
  return data as z.infer<S>;
}

/** The manifest, each source's `format` one of `layouts` (the parse stage's, handed in by the caller). */
export function readManifest(root: string, layouts: readonly LayoutOptions[], file = MANIFEST): Manifest {
  if (!existsSync(join(root, file))) throw new IngestError(file, 'the manifest is missing', 'create it: see "Adding a source" in README.md');
  return readChecked(root, file, 'manifest', manifestSchemaFor(layouts));
}

/** The manifest with the sources of another manifest (KB_EXTRA_MANIFEST, review's --with) after its own, for one run. */
export function readManifestWith(root: string, layouts: readonly LayoutOptions[], extra?: string): Manifest {
  const manifest = readManifest(root, layouts);
  if (extra) manifest.sources.push(...readManifest(root, layouts, extra).sources);
  return manifest;
}

/** The editors' entry files (sources/entries/*.md), in name order; every problem in them is reported together. */
export function readEntryFiles(root: string): EntryFile[] {
  const dir = join(root, ENTRIES_DIR);
  if (!existsSync(dir)) return [];
  const vfiles = readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => new VFile({ path: `${ENTRIES_DIR}/${name}`, value: readFileSync(join(dir, name), 'utf8') }));
  const files = vfiles.flatMap((vfile) => parseEntryFile(vfile) ?? []);
  stopOnErrors(vfiles);
  return files;
}

/** The glossary's own terms and the sources' lines that define them; optional. */
export function readGlossary(root: string): GlossaryData {
  if (!existsSync(join(root, GLOSSARY))) return EMPTY_GLOSSARY;
  return readChecked(root, GLOSSARY, 'glossary file', GlossaryDataSchema);
}

/** The line of the manifest on which `id` (a source's id, as JSON writes it) first occurs. */
const lineOf = (text: string, id: string) => {
  const at = text.indexOf(JSON.stringify(id));
  return at === -1 ? undefined : text.slice(0, at).split('\n').length;
};

/** Decodes a source file, refusing what is not UTF-8 text; strips a byte-order mark. */
export function decodeSource(bytes: Uint8Array, file: string): string[] {
  if (bytes.length === 0) throw new IngestError(file, 'the file is empty', 'put the source text in it, or remove its entry from the manifest');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new IngestError(file, 'the file is not UTF-8 text', 'convert it to UTF-8 (e.g. `iconv -f latin1 -t utf-8`) or export the source again as plain text');
  }
  if (text.includes('\u0000')) throw new IngestError(file, 'the file is binary, not text', 'give the extracted plain text of the document, not the document itself');
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}

export function readSources(root: string, manifest: Manifest, manifestFile = MANIFEST): SourceText[] {
  const manifestText = existsSync(join(root, manifestFile)) ? readFileSync(join(root, manifestFile), 'utf8') : '';
  return manifest.sources.map((source) => {
    const path = join(root, source.file);
    if (!existsSync(path)) {
      throw new IngestError(MANIFEST, `source "${source.id}" names the file ${source.file}, which does not exist`, `add the file at ${relative(root, path)} or correct "file" in the manifest`);
    }
    const entryLine = lineOf(manifestText, source.id);
    return { source, lines: decodeSource(readFileSync(path), source.file), ...(entryLine ? { entryLine } : {}) };
  });
}

/** The committed map of entry ids; without one, every entry gets a fresh id from its wording. */
export function readIdMap(root: string): IdMap {
  if (!existsSync(join(root, ID_MAP))) return EMPTY_ID_MAP;
  const parsed = IdMapSchema.safeParse(readJson(root, ID_MAP, 'id map'));
  if (!parsed.success) throw new IngestError(ID_MAP, firstIssue(parsed.error), 'restore it from git (`git checkout sources/entry-ids.json`); it is written by npm run ingest');
  return parsed.data;
}
