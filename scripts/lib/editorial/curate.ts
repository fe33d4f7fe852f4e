/**
 * The editors' grouping decisions, read from the entry files (read/entry-files.ts) in this one place, applied on top
 * of the automatic grouping: `holds` merges the entries holding its questions (several questions) or takes a
 * question out of its entry (one), `apart` keeps two questions out of one entry in the attach pass, `heading`
 * and `topic` act on the entry. Questions are named by source and line; a name that matches no question stops
 * the ingest (checkNames), so nothing here has to report.
 */
import type { Entry } from '../entries/build.ts';
import { instanceKey } from '../entries/permalinks.ts';
import { type EntryFile, nameOf, type Named, parseName } from '../read/entry-files.ts';
import type { IdMap } from '../read/id-map.ts';
import { EDITORS } from '../read/schema.ts';
import { stripCitations } from './citations.ts';
import { error_ } from '../shared/check.ts';
import type { Group } from '../group/index.ts';
import type { Variant } from '../clean/types.ts';

export type Curation = { action: 'merge' | 'split'; questions: Named[] } | { action: 'apart'; questions: [Named, Named] };

/** The grouping decisions of the entry files, in the order of the files and of their lines. */
export function curationsOf(files: readonly EntryFile[]): Curation[] {
  return files.flatMap((file): Curation[] => {
    const { holds = [], apart = [] } = file.data;
    const named = (name: string, path: PropertyKey[]) => parseName(name, file.lineOf(path));
    return [
      ...holds.map((h, i): Curation => ({ action: h.questions.length > 1 ? 'merge' : 'split', questions: h.questions.map((q, j) => named(q, ['holds', i, 'questions', j])) })),
      ...apart.map((a, i): Curation => ({ action: 'apart', questions: [named(a.questions[0], ['apart', i, 'questions', 0]), named(a.questions[1], ['apart', i, 'questions', 1])] })),
    ];
  });
}

export const isNamed = (variant: Variant, name: { source: string; line: number }) => variant.source === name.source && variant.line === name.line;

/**
 * Every question an entry file names, in its frontmatter or its answer's citations, must be a question of a
 * source: an error at the file's line otherwise.
 */
export function checkNames(files: readonly EntryFile[], variants: readonly Variant[]): void {
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

/** The editors' `apart` decisions as a test of two questions. */
export function keptApartBy(curations: readonly Curation[]): (a: Variant, b: Variant) => boolean {
  const pairs = new Set(curations.flatMap((c) => (c.action === 'apart' ? [`${nameOf(c.questions[0])}|${nameOf(c.questions[1])}`, `${nameOf(c.questions[1])}|${nameOf(c.questions[0])}`] : [])));
  return (a, b) => pairs.has(`${nameOf(a)}|${nameOf(b)}`);
}

export function curateGroups(groups: Group[], curations: readonly Curation[]): Group[] {
  let result = groups;
  for (const curation of curations) {
    if (curation.action === 'merge') {
      const found = [...new Set(curation.questions.flatMap((name) => result.filter((g) => g.variants.some((v) => isNamed(v, name)))))];
      if (found.length < 2) continue;
      const [into, ...rest] = found;
      const merged: Group = { key: `${into!.key}+curated`, subject: into!.subject, variants: found.flatMap((g) => g.variants) };
      result = result.flatMap((g) => (g === into ? [merged] : rest.includes(g) ? [] : [g]));
    } else if (curation.action === 'split') {
      const [name] = curation.questions;
      const group = result.find((g) => g.variants.some((v) => isNamed(v, name!)));
      if (!group || group.variants.length === 1) continue;
      const variant = group.variants.find((v) => isNamed(v, name!))!;
      const kept: Group = { ...group, variants: group.variants.filter((v) => v !== variant) };
      const split: Group = { key: `${group.key}+split:${variant.source}:${variant.line}`, subject: group.subject, variants: [variant], settled: true };
      result = result.flatMap((g) => (g === group ? [kept, split] : [g]));
    }
  }
  return result;
}

/** Headings and topics, on the entries whose files (named by their ids) decide them. */
export function curateEntries(entries: readonly Entry[], files: readonly EntryFile[], topics: string[]): Entry[] {
  const byId = new Map(files.map((f) => [f.id, f]));
  return entries.map((entry) => {
    const file = byId.get(entry.id);
    if (!file) return entry;
    const { heading, topic } = file.data;
    let curated = entry;
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
}

/**
 * The editors' own questions as variants of the entries their files name, each credited to the editors at the
 * line of its file that words it; the first wording carries the file's answer (without its citations), as a
 * source's question carries its own.
 */
export function editorsQuestions(files: readonly EntryFile[]): { variants: Variant[]; fileOf: Map<Variant, string> } {
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
export function placeEditorsQuestions(groups: readonly Group[], fileOf: ReadonlyMap<Variant, string>, idMap: IdMap): Group[] {
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
