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

/** Whether the editors keep two questions apart (curation `apart`); `named`: whether any pair names a question. */
export type KeptApart = ((a: Variant, b: Variant) => boolean) & { named?: (v: Variant) => boolean };

/** Whether the editors keep one of `own` apart from one of `others`, read only when a pair names one of `own`. */
export function keptApartFrom(keptApart: KeptApart, own: readonly Variant[], others: () => readonly Variant[]): boolean {
  const named = own.filter((v) => keptApart.named?.(v) ?? true);
  return named.length > 0 && named.some((v) => others().some((w) => keptApart(v, w)));
}

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

/** Each entry's overlap, by its place, and when it was last touched (by call): reused from call to call. */
let overlap = new Float64Array(256);
let touchedIn = new Int32Array(256);
let call = 0;

/**
 * The entries that share a question's rarer senses, as their places in order (from 0): the ones sharing the most,
 * by rarity among the `seen` questions read, in order. Concepts count however common they are.
 */
export function candidatesOf<E>(
  senses: Iterable<string>,
  seen: number,
  carriers: (sense: string) => number,
  entriesWith: (sense: string) => Iterable<E> | undefined,
  place: (entry: E) => number,
): number[] {
  call++;
  const touched: number[] = [];
  for (const sense of senses) {
    const carried = carriers(sense);
    if (carried > CANDIDATE_SENSE_SHARE * seen && !sense.startsWith('c:')) continue;
    const entries = entriesWith(sense);
    if (!entries) continue;
    const rarity = Math.log((seen + 1) / (carried + 1));
    for (const entry of entries) {
      const i = place(entry);
      if (i >= overlap.length) {
        const [sums, calls] = [new Float64Array(2 * i), new Int32Array(2 * i)];
        sums.set(overlap);
        calls.set(touchedIn);
        [overlap, touchedIn] = [sums, calls];
      }
      if (touchedIn[i] === call) overlap[i] = overlap[i]! + rarity;
      else {
        touchedIn[i] = call;
        overlap[i] = rarity;
        touched.push(i);
      }
    }
  }
  // The best CANDIDATES_SCORED, kept in order as they are found: the most shared first, ties to the earlier.
  const before = (a: number, b: number) => overlap[a]! > overlap[b]! || (overlap[a] === overlap[b] && a < b);
  const best: number[] = [];
  for (const i of touched) {
    if (best.length === CANDIDATES_SCORED && !before(i, best[best.length - 1]!)) continue;
    let at = best.length === CANDIDATES_SCORED ? best.length - 1 : best.length;
    for (; at > 0 && before(i, best[at - 1]!); at--) best[at] = best[at - 1]!;
    best[at] = i;
  }
  return best.sort((a, b) => a - b);
}
