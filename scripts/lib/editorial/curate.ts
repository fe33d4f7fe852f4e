/**
 * The editors' decisions (sources/entries/<id>.md, read by read/entry-files.ts), compiled once (compileCuration)
 * and applied here, at one named point of the pipeline for each kind of decision:
 *
 * 1. before grouping, as data: the editors' own questions join the sources' (`questions`), and the pairs kept
 *    `apart` go to grouping, which must know them while it runs (they stop a join);
 * 2. between grouping's first pass and its other two (curateGroups): `holds` merges the groups holding its
 *    questions or splits one question off, and each editors' question goes to the entry its file is named after.
 *    Not after grouping: the attach and join passes build on the curated groups (a question split off stays
 *    apart, a merged group draws others as one), and applied to their result the decisions leave files without
 *    their entries. So grouping exposes its passes, the pipeline calls this between them, and grouping runs no
 *    editorial code;
 * 3. the ids: an entry holding an editors' question takes its file's name (`fileOf`, data for permalinks.ts);
 * 4. once the entries have their ids (curateEntries): `heading` and `topic`, then answer and notes (apply.ts).
 *
 * A name that matches no question stops the ingest when the curation is compiled: nothing after reports it.
 */
import type { IdentifiedEntry } from '../entries/permalinks.ts';
import { instanceKey } from '../entries/permalinks.ts';
import { type EntryFile, nameOf, type Named, parseName } from '../read/entry-files.ts';
import type { IdMap } from '../read/id-map.ts';
import { EDITORS } from '../read/schema.ts';
import { stripCitations } from './citations.ts';
import { type Answered, applyEditorial } from './apply.ts';
import { error_, stopOnErrors } from '../shared/check.ts';
import type { Group } from '../group/index.ts';
import type { Variant } from '../clean/types.ts';
import type { Problem } from '../shared/problem.ts';

/** A `holds` decision: merge the groups holding several questions, or split one question off. */
export type Move = { action: 'merge' | 'split'; questions: Named[] };

/** Every decision of the editors' files, as the pipeline applies them. */
export interface Curation {
  /** The editors' own questions, as variants (editorsQuestions). */
  readonly questions: Variant[];
  /** The file (the entry's id) each editors' question belongs to. */
  readonly fileOf: ReadonlyMap<Variant, string>;
  /** Pairs of questions grouping never puts in one entry (`apart`). */
  readonly apart: readonly (readonly [Named, Named])[];
  /** The merges and splits (`holds`), in the order of the files and of their lines. */
  readonly moves: readonly Move[];
  /** The decisions on each entry (heading, topic, answer, corrections, notes): the files, named by entry id. */
  readonly files: readonly EntryFile[];
}

/** An entry as the editors decide it: heading, topic, answer and notes. */
export interface CuratedEntry extends IdentifiedEntry, Answered {
  /** The heading is worded by the editors (`heading` with `text`), not taken from a source. */
  readonly editorsWording: boolean;
}

/** The decisions of the files; every question they name must be one of the sources' or the editors' own. */
export function compileCuration(files: readonly EntryFile[], sourceQuestions: readonly Variant[]): Curation {
  const { variants: questions, fileOf } = editorsQuestions(files);
  checkNames(files, [...sourceQuestions, ...questions]);
  stopOnErrors(files.map((f) => f.vfile));
  const named = (file: EntryFile, name: string, path: PropertyKey[]) => parseName(name, file.lineOf(path));
  return {
    questions,
    fileOf,
    apart: files.flatMap((file) => (file.data.apart ?? []).map((a, i) => [named(file, a.questions[0], ['apart', i, 'questions', 0]), named(file, a.questions[1], ['apart', i, 'questions', 1])] as const)),
    moves: files.flatMap((file) =>
      (file.data.holds ?? []).map((h, i): Move => ({ action: h.questions.length > 1 ? 'merge' : 'split', questions: h.questions.map((q, j) => named(file, q, ['holds', i, 'questions', j])) })),
    ),
    files,
  };
}

export const isNamed = (variant: Variant, name: { source: string; line: number }) => variant.source === name.source && variant.line === name.line;

/**
 * Every question an entry file names, in its frontmatter or its answer's citations, must be a question of a
 * source: an error at the file's line otherwise.
 */
function checkNames(files: readonly EntryFile[], variants: readonly Variant[]): void {
  const known = new Set(variants.map(nameOf));
  const walk = (file: EntryFile, value: unknown, path: PropertyKey[]) => {
    if (typeof value === 'string' && path.some((p) => p === 'question' || p === 'questions' || p === 'writtenFrom') && /^[a-z0-9-]+:\d+$/.test(value) && !known.has(value)) {
      error_(file.vfile, `${value} names no question: no question of source "${value.split(':')[0]}" starts at line ${value.split(':')[1]}`, file.lineOf(path), 'question-name');
    } else if (Array.isArray(value)) value.forEach((v, i) => walk(file, v, [...path, i]));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(file, v, [...path, k]);
  };
  for (const file of files) {
    walk(file, file.data, []);
    for (const citation of file.citations) {
      for (const answer of citation.answers) {
        if (!known.has(nameOf(answer))) error_(file.vfile, `[^${citation.label}] cites ${nameOf(answer)}, which names no question`, citation.at, 'question-name');
      }
    }
  }
}

/** The first pass's groups as the editors' merges and splits leave them, with each editors' question placed. */
export function curateGroups(keyed: readonly Group[], curation: Curation, idMap: IdMap): Group[] {
  let result = [...keyed];
  for (const move of curation.moves) {
    if (move.action === 'merge') {
      const found = [...new Set(move.questions.flatMap((name) => result.filter((g) => g.variants.some((v) => isNamed(v, name)))))];
      if (found.length < 2) continue;
      const [into, ...rest] = found;
      const merged: Group = { key: `${into!.key}+curated`, subject: into!.subject, variants: found.flatMap((g) => g.variants) };
      result = result.flatMap((g) => (g === into ? [merged] : rest.includes(g) ? [] : [g]));
    } else {
      const [name] = move.questions;
      const group = result.find((g) => g.variants.some((v) => isNamed(v, name!)));
      if (!group || group.variants.length === 1) continue;
      const variant = group.variants.find((v) => isNamed(v, name!))!;
      const kept: Group = { ...group, variants: group.variants.filter((v) => v !== variant) };
      const split: Group = { key: `${group.key}+split:${variant.source}:${variant.line}`, subject: group.subject, variants: [variant], settled: true };
      result = result.flatMap((g) => (g === group ? [kept, split] : [g]));
    }
  }
  return placeEditorsQuestions(result, curation.fileOf, idMap);
}

/** Headings and topics, then answers and notes (apply.ts), on the entries whose files (named by their ids) decide them. */
export function curateEntries(entries: readonly IdentifiedEntry[], curation: Curation, topics: string[], sourceName: (id: string) => string): { entries: CuratedEntry[]; problems: Problem[] } {
  const byId = new Map(curation.files.map((f) => [f.id, f]));
  const headed = entries.map((entry) => {
    const file = byId.get(entry.id);
    let curated = { ...entry, editorsWording: false };
    if (!file) return curated;
    const { heading, topic } = file.data;
    if (heading) {
      const named = heading.question !== undefined ? entry.variants.find((v) => nameOf(v) === heading.question) : undefined;
      curated = { ...curated, question: heading.text ?? named?.question ?? entry.question, editorsWording: heading.text !== undefined };
    }
    if (topic) {
      if (topics.includes(topic.id)) curated = { ...curated, topic: topic.id };
      else error_(file.vfile, `topic.id: "${topic.id}" is not a topic: use one of ${topics.join(', ')}`, file.lineOf(['topic', 'id']), 'topic');
    }
    return curated;
  });
  return applyEditorial(headed, curation.files, sourceName);
}

/**
 * The editors' own questions as variants of the entries their files name, each credited to the editors at the
 * line of its file that words it; the first wording carries the file's answer (without its citations), as a
 * source's question carries its own.
 */
function editorsQuestions(files: readonly EntryFile[]): { variants: Variant[]; fileOf: Map<Variant, string> } {
  const fileOf = new Map<Variant, string>();
  for (const file of files) {
    file.questions.forEach((q, i) => {
      const answer = i === 0 && file.answer !== undefined ? stripCitations(file.answer) : null;
      fileOf.set({ source: EDITORS, line: q.line, question: q.question, answer }, file.id);
    });
  }
  return { variants: [...fileOf.keys()], fileOf };
}

/**
 * Puts each editors' question in the entry its file is named after, whatever its key: with the questions that
 * entry held when its id was last written (sources/entry-ids.json), or, where it held none of the sources', as
 * an entry of its own that the attach pass leaves where it is (a later source's question may still join it).
 */
function placeEditorsQuestions(groups: readonly Group[], fileOf: ReadonlyMap<Variant, string>, idMap: IdMap): Group[] {
  const keyed = new Map<string, Group>();
  const rest = groups.flatMap((g): Group[] => {
    const own = g.variants.filter((v) => !fileOf.has(v));
    for (const v of g.variants) if (fileOf.has(v) && !keyed.has(fileOf.get(v)!)) keyed.set(fileOf.get(v)!, g);
    return own.length === g.variants.length ? [g] : own.length ? [{ ...g, variants: own }] : [];
  });
  const placed: Group[] = [];
  for (const [id, first] of keyed) {
    const questions = [...fileOf].filter(([, file]) => file === id).map(([v]) => v);
    const held = new Set(idMap.entries[id] ?? []);
    const count = (g: Group) => g.variants.filter((v) => held.has(instanceKey(v))).length;
    const target = rest.reduce<Group | undefined>((best, g) => (count(g) > (best ? count(best) : 0) ? g : best), undefined);
    if (target) rest[rest.indexOf(target)] = { ...target, variants: [...target.variants, ...questions] };
    else placed.push({ key: first.key, subject: first.subject, variants: questions, settled: true });
  }
  return [...rest, ...placed];
}
