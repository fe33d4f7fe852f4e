/**
 * Groups the variants that ask the same question into entries, in three passes.
 *
 * 1. Keys: each variant gets a key from its subject concepts and question kind; variants with equal keys form
 *    one group. Equal keys are an equivalence, so this never chains, and it runs in linear time.
 * 2. Attach (attach.ts): a group about a subject nobody asked before joins the earlier entry its questions and
 *    answers resemble most, when the resemblance is strong: the rewordings the vocabulary cannot read.
 * 3. Join (answer-join.ts): a question a later source asks, still an entry of its own, joins the earlier entry
 *    whose answers, read as one document, make the same points.
 */
import type { Variant } from '../clean/types.ts';
import type { ConceptIndex } from '../text/concepts.ts';
import { ATTACH_THRESHOLD, attachGroups } from './attach.ts';
import type { Group, KeptApart } from './group.ts';
import { type JoinHooks, joinByAnswers } from './answer-join.ts';
import { resemblanceReader } from './resemblance.ts';
import { subjectKey, subjectOf } from './subject.ts';
import type { Senses } from '../read/editorial-data.ts';

export type { Group } from './group.ts';

/** Pairs of questions, by source and line, never put in one entry (the editors' `apart`). */
type Apart = readonly (readonly [Pick<Variant, 'source' | 'line'>, Pick<Variant, 'source' | 'line'>])[];

export interface GroupingOptions {
  /** The vocabulary's paraphrases and sense aliases (sources/vocabulary.yaml), for the second and third passes. */
  senses: Senses;
  isRare?: (word: string) => boolean;
  /** Source ids in manifest order (default: the order the variants come in). */
  sourceOrder?: readonly string[];
  /** The resemblance at which a new subject joins an entry (attach.ts); Infinity for keys only. */
  attachThreshold?: number;
  /** Sources whose grouping the editors have reviewed (manifest `groupingReviewed`): the third pass leaves them. */
  reviewed?: (source: string) => boolean;
  /** The fitting bench's view of the third pass. */
  joinHooks?: JoinHooks;
  /** Known before grouping starts: they stop a join. */
  apart?: Apart;
}

/** The three passes; the pipeline calls keyGroups and joinGroups itself, the editors' moves between them. */
export function groupVariants(variants: Variant[], index: ConceptIndex, options: GroupingOptions): Group[] {
  const { sourceOrder = [...new Set(variants.map((v) => v.source))] } = options;
  return joinGroups(keyGroups(variants, index, options.isRare), index, { ...options, sourceOrder });
}

/** The second and third passes, over the first pass's groups. */
export function joinGroups(keyed: Group[], index: ConceptIndex, options: GroupingOptions & { sourceOrder: readonly string[] }): Group[] {
  const { sourceOrder, attachThreshold = ATTACH_THRESHOLD } = options;
  if (!Number.isFinite(attachThreshold)) return keyed;
  const keptApart = keptApartBy(options.apart ?? []);
  const reader = resemblanceReader(index, options.senses);
  const attached = attachGroups(keyed, sourceOrder, index, attachThreshold, keptApart, reader);
  return joinByAnswers(attached, sourceOrder, reader, keptApart, options.reviewed, options.joinHooks);
}

/** The pairs kept apart as the passes test them. */
export function keptApartBy(pairs: Apart): KeptApart {
  const name = (q: Apart[number][0]) => `${q.source}:${q.line}`;
  const kept = new Set(pairs.flatMap(([a, b]) => [`${name(a)}|${name(b)}`, `${name(b)}|${name(a)}`]));
  const named = new Set(pairs.flat().map(name));
  return Object.assign((a: Variant, b: Variant) => kept.has(`${name(a)}|${name(b)}`), { named: (v: Variant) => named.has(name(v)) });
}

/** The first pass: variants with equal keys form one group. */
export function keyGroups(variants: Variant[], index: ConceptIndex, isRare?: (word: string) => boolean): Group[] {
  const groups = new Map<string, Group>();
  for (const variant of variants) {
    const subject = subjectOf(variant.question, index, isRare);
    const key = subjectKey(subject, variant.question);
    const group = groups.get(key);
    if (group) group.variants.push(variant);
    else groups.set(key, { key, subject, variants: [variant] });
  }
  return [...groups.values()];
}
