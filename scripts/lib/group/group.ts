/** What the grouping passes hand each other: groups of variants, and the editors' pairs kept apart. */
import type { Variant } from '../clean/types.ts';
import type { Subject } from './subject.ts';

export interface Group {
  key: string;
  subject: Subject;
  variants: Variant[];
  /** Split off by the editors (curation `split`): the attach pass leaves it its own entry. */
  settled?: boolean;
}

/** Whether the editors keep two questions apart (curation `apart`). */
export type KeptApart = (a: Variant, b: Variant) => boolean;

/** The groups a pass put in one entry, as one group: the first one's subject, every key and variant. */
export function oneGroup(groups: readonly Group[]): Group {
  return groups.length === 1 ? groups[0]! : { key: groups.map((g) => g.key).join('|'), subject: groups[0]!.subject, variants: groups.flatMap((g) => g.variants) };
}

/** A sense carried by more than this share of the questions read is too common to find candidates with. */
const CANDIDATE_SENSE_SHARE = 0.05;
/**
 * How many candidates are scored in full. Scoring is the costly step (a cosine per pair of questions); the entry
 * a question belongs to shares its rarest senses, so capping keeps grouping near linear in the corpus. On the
 * labelled pairs the cap costs one wrong join against scoring every candidate (npm run bench:dedup).
 */
const CANDIDATES_SCORED = 24;

/**
 * The entries (by their order, from 0) that share a question's rarer senses: the ones sharing the most, by
 * rarity among the `seen` questions read, in entry order. Concepts count however common they are.
 */
export function candidatesOf(senses: Iterable<string>, seen: number, carriers: (sense: string) => number, entriesWith: (sense: string) => Iterable<number>): number[] {
  const overlap = new Map<number, number>();
  for (const sense of senses) {
    const carried = carriers(sense);
    if (carried > CANDIDATE_SENSE_SHARE * seen && !sense.startsWith('c:')) continue;
    const rarity = Math.log((seen + 1) / (carried + 1));
    for (const entry of entriesWith(sense)) overlap.set(entry, (overlap.get(entry) ?? 0) + rarity);
  }
  return [...overlap]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, CANDIDATES_SCORED)
    .map(([entry]) => entry)
    .sort((a, b) => a - b);
}
