/**
 * Checks an editors' file (JSON, or an entry file's YAML frontmatter) against its schema and reports every
 * problem as a vfile message at its line, the way unified plugins report: an unknown key names the key and the
 * nearest key the schema knows. The ingest collects the messages of a run and shows them together
 * (vfile-reporter) before it stops, so an editor fixes them all in one go.
 */
import distance from 'damerau-levenshtein';
import { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';
import { isMap, isSeq, LineCounter, type Node as YamlNode, parseDocument } from 'yaml';
import type { z } from 'zod';
import { IngestError } from './errors.ts';

/** A file's text read with positions: any value's line by its path. */
export interface Positioned {
  data: unknown;
  /** The line of the value at `path`, or of the key `key` of the object there; the nearest line that exists. */
  lineOf(path: readonly PropertyKey[], key?: string): number;
}

/** Reads YAML or JSON (JSON is YAML) with positions; `firstLine`: where the text starts in its file. */
export function readPositioned(text: string, vfile: VFile, firstLine = 1): Positioned | undefined {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  const lineAt = (offset: number) => lines.linePos(offset).line + firstLine - 1;
  for (const error of doc.errors) error_(vfile, error.message.split('\n')[0]!, lineAt(error.pos[0]), 'syntax');
  if (doc.errors.length) return undefined;
  return {
    data: doc.toJS(),
    lineOf(path, key) {
      let node = doc.contents as YamlNode | null;
      let line = node?.range ? lineAt(node.range[0]) : firstLine;
      for (const step of [...path, ...(key === undefined ? [] : [key])]) {
        const pair = isMap(node) ? node.items.find((p) => (p.key as { value?: unknown } | null)?.value === step) : undefined;
        if (pair && step === key) return (pair.key as YamlNode).range ? lineAt((pair.key as YamlNode).range![0]) : line;
        node = (pair ? pair.value : isSeq(node) ? node.items[Number(step)] : undefined) as YamlNode | null;
        if (!node?.range) return line;
        line = lineAt(node.range[0]);
      }
      return line;
    },
  };
}

/** Records an error in `vfile`: a problem that stops the ingest. */
export function error_(vfile: VFile, reason: string, line: number | undefined, ruleId: string): void {
  const message = vfile.message(reason, { place: line ? { line, column: 1 } : undefined, ruleId, source: 'ingest' });
  message.fatal = true;
}

/** The keys an object schema at `path` allows (through arrays, optionals, unions), for the nearest-key hint. */
function keysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: unknown[] = [schema];
  const unwrap = (s: unknown): unknown[] => {
    const def = (s as { _zod: { def: Record<string, unknown> } })._zod.def;
    if (def.innerType) return unwrap(def.innerType);
    if (def.type === 'pipe') return unwrap(def.in);
    if (def.type === 'union') return (def.options as unknown[]).flatMap(unwrap);
    return [s];
  };
  for (const step of path) {
    current = current.flatMap(unwrap).flatMap((s) => {
      const def = (s as { _zod: { def: Record<string, unknown> } })._zod.def;
      if (def.type === 'object') return (def.shape as Record<string, unknown>)[String(step)] ?? [];
      if (def.type === 'array') return [def.element];
      if (def.type === 'tuple') return (def.items as unknown[])[Number(step)] ?? [];
      if (def.type === 'record') return [def.valueType];
      return [];
    });
  }
  return current.flatMap(unwrap).flatMap((s) => {
    const def = (s as { _zod: { def: Record<string, unknown> } })._zod.def;
    return def.type === 'object' ? Object.keys(def.shape as object) : [];
  });
}

/** The allowed key nearest to a misspelt one, when it is near enough to be what was meant. */
export function nearestKey(key: string, allowed: string[]): string | undefined {
  const [best] = allowed.map((k) => ({ k, d: distance(key.toLowerCase(), k.toLowerCase()).steps })).sort((a, b) => a.d - b.d);
  return best && best.d <= Math.max(2, Math.floor(key.length / 3)) ? best.k : undefined;
}

/** Checks `read` against `schema`; every issue becomes a message in `vfile`. Returns the data when valid. */
export function check<S extends z.ZodType>(schema: S, read: Positioned, vfile: VFile, at: readonly PropertyKey[] = []): z.infer<S> | undefined {
  const parsed = schema.safeParse(read.data);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const path = [...at, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const near = nearestKey(key, keysAt(schema, issue.path));
        error_(vfile, `${key}: unknown key${near ? `; did you mean ${near}?` : ''}`, read.lineOf(path, key), 'unknown-key');
      }
      continue;
    }
    const where = path.length ? `${path.map(String).join('.')}: ` : '';
    const message = issue.code === 'invalid_type' && /received undefined$/.test(issue.message) ? 'missing: this key is required' : issue.message;
    error_(vfile, `${where}${message}`, read.lineOf(path), 'invalid');
  }
  return undefined;
}

/** Stops the ingest when any of `files` holds an error, with every message of every file. */
export function stopOnErrors(files: readonly VFile[]): void {
  const failing = files.filter((f) => f.messages.some((m) => m.fatal));
  if (failing.length) throw new EditorialErrors(failing);
}

/** The problems of a run in the editors' files, reported together (vfile-reporter's format). */
export class EditorialErrors extends IngestError {
  readonly files: readonly VFile[];

  constructor(files: readonly VFile[]) {
    const count = files.reduce((n, f) => n + f.messages.filter((m) => m.fatal).length, 0);
    super(String(files[0]!.path), `${count} ${count === 1 ? 'problem' : 'problems'} in the editors' files`, 'fix each problem at the line it names', files[0]!.messages[0]?.line ?? undefined);
    this.files = files;
  }

  override format(): string {
    return `${this.message}:\n${reporter([...this.files], { color: false })}`;
  }
}

export { VFile };
