/**
 * An upper bound on the mean resemblance (resemblance.ts) of a question to an entry's variants, from sums kept per
 * entry as its variants arrive: the attach pass compares a question variant by variant only with the entries whose
 * bound reaches the best score so far, and the other entries cost a few lookups, however many variants they hold.
 *
 * - A variant's vector is its senses' log counts l times their rarity now, over its norm now. The sums keep l over
 *   the norm at the start of an epoch, with the rarities then. A norm now is at least ρ times the norm then, where
 *   ρ is the smallest ratio of a sense's rarity now to then (below 1 only for senses the new questions carry).
 * - A cosine summed over the entry is then at most the sum over the question's senses of its weight, the rarity
 *   now and the entry's sum, over ρ, positive and negative parts apart (a light word said once weighs below
 *   zero); the cross cosine, the larger of two, at most the sum of both; each cosine at most 1.
 * - When ρ falls below RARITY_DRIFT the epoch ends and the sums are read again, when next needed: the bound stays
 *   close, and an entry is summed a few times over the corpus instead of at every source that asks near it.
 */
import type { Variant } from '../clean/types.ts';
import type { Vector } from '../text/similarity.ts';
import { type Bags, type Resemblance, WEIGHTS } from './resemblance.ts';

/** The rarities may fall this far (as a ratio) before the sums are read again; a trade of reading against slack. */
const RARITY_DRIFT = 0.8;

interface Signed {
  positive: Vector;
  negative: Vector;
}

interface Sums {
  count: number;
  answered: number;
  questions: Signed;
  answers: Signed;
  /** The unanswered variants' questions, which stand in for their answers. */
  unanswered: Signed;
  /** False if a variant's senses all weighed nothing when read: its vector now escapes the bound. */
  bounded: boolean;
}

const signed = (): Signed => ({ positive: new Map(), negative: new Map() });

export function entryBounds<E>(bags: (v: Variant) => Bags, senses: (v: Variant) => Iterable<string>, rarity: { documents: (sense: string) => number; count: () => number }) {
  const variantsOf = new Map<E, Variant[]>();
  let sums = new Map<E, Sums>();
  let start = rarity.count();
  /** The senses carried since the epoch began, by how many variants carried them then. */
  let then = new Map<string, number>();
  let now = new Map<string, number>();
  /** ρ as last worked out, and the senses carried since: the others' rarities have only grown since. */
  let drift = 1;
  let arrived: string[] | undefined = [];
  const rarityThen = (sense: string) => Math.log((start + 1) / ((then.get(sense) ?? rarity.documents(sense)) + 1));
  const rarityNow = (sense: string) => {
    let r = now.get(sense);
    if (r === undefined) now.set(sense, (r = Math.log((rarity.count() + 1) / (rarity.documents(sense) + 1))));
    return r;
  };
  /** Adds a bag's l over its norm then; false if that norm is 0 and the bag not empty. */
  const addBag = (into: Signed, bag: Vector): boolean => {
    let norm = 0;
    for (const [k, x] of bag) norm += ((1 + Math.log(x)) * rarityThen(k)) ** 2;
    if (!norm) return !bag.size;
    const scale = 1 / Math.sqrt(norm);
    for (const [k, x] of bag) {
      const l = (1 + Math.log(x)) * scale;
      const side = l >= 0 ? into.positive : into.negative;
      side.set(k, (side.get(k) ?? 0) + Math.abs(l));
    }
    return true;
  };
  const addTo = (s: Sums, v: Variant) => {
    const { question, answer } = bags(v);
    s.count++;
    s.bounded = addBag(s.questions, question) && s.bounded;
    if (v.answer) {
      s.answered++;
      s.bounded = addBag(s.answers, answer) && s.bounded;
    } else s.bounded = addBag(s.unanswered, question) && s.bounded;
  };
  const sumsOf = (entry: E): Sums => {
    let s = sums.get(entry);
    if (!s) {
      s = { count: 0, answered: 0, questions: signed(), answers: signed(), unanswered: signed(), bounded: true };
      for (const v of variantsOf.get(entry) ?? []) addTo(s, v);
      sums.set(entry, s);
    }
    return s;
  };
  /**
   * ρ: how far the rarities have fallen since the epoch began; a new epoch when too far. A sense no question has
   * carried since ρ was last worked out has only grown rarer, so only the senses carried since are read again.
   */
  const driftNow = () => {
    if (!arrived) return drift;
    for (const sense of arrived) {
      const before = rarityThen(sense);
      if (before > 0) drift = Math.min(drift, rarityNow(sense) / before);
    }
    arrived = undefined;
    // Nothing summed yet: the epoch may as well begin now.
    if (drift < RARITY_DRIFT || !sums.size) [start, then, sums, drift] = [rarity.count(), new Map(), new Map(), 1];
    return drift;
  };
  /**
   * For each of `sums`, the positive and negative parts of `x` against those of the sums, weighed by rarity now:
   * over ρ, at least the sum of the positive parts of the dot products of `x` with the variants summed.
   */
  const terms = (x: Vector, ...sums: Signed[]): number[] => {
    const bounds = sums.map(() => 0);
    for (const [k, w] of x) {
      const r = rarityNow(k) * Math.abs(w);
      for (let i = 0; i < sums.length; i++) bounds[i]! += r * ((w >= 0 ? sums[i]!.positive : sums[i]!.negative).get(k) ?? 0);
    }
    return bounds;
  };
  return {
    /** Before a source's variants are counted in the rarities: notes how many carried each of their senses until now. */
    arriving(variants: readonly Variant[]): void {
      arrived ??= [];
      for (const v of variants) {
        for (const sense of senses(v)) {
          if (!then.has(sense)) then.set(sense, rarity.documents(sense));
          arrived.push(sense);
        }
      }
      now = new Map();
    },
    /** A variant becomes one of the entry's. */
    add(entry: E, v: Variant): void {
      const list = variantsOf.get(entry);
      if (list) list.push(v);
      else variantsOf.set(entry, [v]);
      const s = sums.get(entry);
      if (s) addTo(s, v);
    },
    /** At least the mean resemblance of the questions `own` (with their vectors now) to the entry's variants. */
    mean(own: readonly Variant[], entry: E, vectors: Resemblance['vectors']): number {
      const rho = driftNow();
      const s = sumsOf(entry);
      if (!s.count || !own.length) return -Infinity;
      if (!s.bounded) return Infinity;
      let total = 0;
      for (const v of own) {
        const { question, answer } = vectors(v);
        const [withQuestions, withAnswers, withUnanswered] = terms(question, s.questions, s.answers, s.unanswered).map((t) => t / rho) as [number, number, number];
        const [answerWithAnswers, answerWithQuestions] = v.answer ? terms(answer, s.answers, s.questions).map((t) => t / rho) : [0, 0];
        const questions = Math.min(s.count, withQuestions);
        const answers = v.answer ? Math.min(s.answered, answerWithAnswers!) + Math.min(s.count - s.answered, withUnanswered) : questions;
        const cross = Math.min(v.answer ? s.count : s.answered, answerWithQuestions! + withAnswers);
        total += WEIGHTS.questions * questions + WEIGHTS.answers * answers + WEIGHTS.cross * cross;
      }
      return total / (own.length * s.count);
    },
  };
}
