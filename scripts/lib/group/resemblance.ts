/**
 * How much two questions resemble each other in what they ask and in how they are answered, read as senses
 * (group/senses.ts: the vocabulary's concepts, paraphrase classes, stems) weighted by how rare each sense is
 * among the questions compared. Three cosines, each of tf-idf sense vectors: question with question, answer
 * with answer, and the question of one with the answer of the other ("How do you train a small student to
 * imitate a large teacher?" is answered with "knowledge distillation", the other question's subject).
 */
import { cosine, type Vector } from '../text/similarity.ts';
import { buildSenseModel, type SenseModel } from './senses.ts';
import type { Senses } from '../read/editorial-data.ts';
import type { Variant } from '../clean/types.ts';
import type { ConceptIndex } from '../text/concepts.ts';

/** What the question says weighs as much as what the answers say; the cross reading counts half as much. */
export const WEIGHTS = { questions: 0.4, answers: 0.4, cross: 0.2 } as const;

export interface Bags {
  question: Vector;
  answer: Vector;
}

/** The three cosines of two questions and their weighted sum, the resemblance. */
export interface ResemblanceParts {
  questions: number;
  /** The questions' cosine again where either is unanswered. */
  answers: number;
  /** The question of one with the answer of the other, the closer way round. */
  cross: number;
  score: number;
}

export interface Resemblance {
  /** In [0, 1]: the weighted cosines of the two questions' sense vectors. */
  resemble(a: Variant, b: Variant): number;
  parts(a: Variant, b: Variant): ResemblanceParts;
  /** A variant's question and answer as unit tf-idf sense vectors. */
  vectors(v: Variant): { question: Map<string, number>; answer: Map<string, number> };
  /** How many of the variants compared carry a sense in their question or answer. */
  documents(sense: string): number;
  /** The same object as long as the vectors read are kept (`now(reuseWithin)`): the same vectors for a variant. */
  reading?: object;
}

/**
 * Senses of a text with their counts: its words (stems and paraphrase classes) and the concepts they name, both,
 * so "clipping rescales the gradient" meets "gradient clipping" on its words and "skip connection" meets
 * "residual connection" on its concept. Negations and clause breaks are structure, not subject.
 */
function bagOf(senses: SenseModel, text: string): Vector {
  const bag: Vector = new Map();
  const concepts = senses.analyse(text).sequence.filter((sense) => sense.startsWith('c:'));
  for (const sense of [...senses.analyse(text, { surface: true }).sequence, ...concepts]) {
    if (sense === '|' || sense === 'k:neg') continue;
    bag.set(sense, (bag.get(sense) ?? 0) + senses.baseWeight(sense));
  }
  return bag;
}

/** Variants added batch by batch; `now()` weighs by those added so far, and holds until the next `add`. */
interface Growing {
  add: (variants: readonly Variant[]) => void;
  now: (reuseWithin?: number) => Resemblance;
  /** How many of the variants added carry a sense, and how many there are. */
  documents: (sense: string) => number;
  count: () => number;
}

/**
 * Reads each variant's senses once, and weighs them by their rarity among the variants added so far only, so a
 * comparison among earlier sources never depends on a source added after them.
 */
export function resemblanceReader(index: ConceptIndex, vocabularySenses: Senses): {
  growing: () => Growing;
  /** The senses a variant's question and answer carry. */
  senses: (variant: Variant) => Set<string>;
  /** A variant's question and answer as bags of senses, each with its count (before rarity). */
  bags: (variant: Variant) => Bags;
} {
  const model = buildSenseModel(index, vocabularySenses);
  const bags = new Map<Variant, Bags>();
  const bagsOf = (v: Variant): Bags => {
    let b = bags.get(v);
    if (!b) {
      b = { question: bagOf(model, v.question), answer: bagOf(model, v.answer ?? '') };
      bags.set(v, b);
    }
    return b;
  };
  const sensesOf = new Map<Variant, Set<string>>();
  const senses = (v: Variant) => {
    let found = sensesOf.get(v);
    if (!found) {
      const { question, answer } = bagsOf(v);
      found = new Set([...question.keys(), ...answer.keys()]);
      sensesOf.set(v, found);
    }
    return found;
  };
  /** A bag's senses and their counts' logarithms (1 + log), read once for every weighing. */
  const logged = new Map<Vector, { senses: string[]; counts: number[] }>();
  const logCounts = (bag: Vector) => {
    let found = logged.get(bag);
    if (!found) logged.set(bag, (found = { senses: [...bag.keys()], counts: [...bag.values()].map((x) => 1 + Math.log(x)) }));
    return found;
  };
  /** Resemblance weighed by the rarity of senses among `count` variants carrying them as `documents` counts. */
  const weighedBy = (documents: ReadonlyMap<string, number>, count: number, vectors: Map<Variant, Bags>): Resemblance => {
    // Each sense's rarity is worked out once for all the vectors read with it.
    const rarities = new Map<string, number>();
    const idf = (sense: string) => {
      let rarity = rarities.get(sense);
      if (rarity === undefined) rarities.set(sense, (rarity = Math.log((count + 1) / ((documents.get(sense) ?? 0) + 1))));
      return rarity;
    };
    /** A bag as a unit tf-idf vector, as `normalised` would scale it. */
    const weighted = (bag: Vector): Vector => {
      const { senses, counts } = logCounts(bag);
      const weights = counts.map((c, i) => c * idf(senses[i]!));
      const norm = weights.reduce((sum, y) => sum + y * y, 0);
      const scale = norm ? 1 / Math.sqrt(norm) : 1;
      const vector: Vector = new Map();
      for (let i = 0; i < senses.length; i++) vector.set(senses[i]!, norm ? weights[i]! * scale : weights[i]!);
      return vector;
    };
    const vectorsOf = (v: Variant): Bags => {
      let w = vectors.get(v);
      if (!w) {
        const b = bagsOf(v);
        w = { question: weighted(b.question), answer: weighted(b.answer) };
        vectors.set(v, w);
      }
      return w;
    };
    const parts = (a: Variant, b: Variant): ResemblanceParts => {
      const x = vectorsOf(a);
      const y = vectorsOf(b);
      const questions = cosine(x.question, y.question);
      // With one side unanswered, the questions are all there is to compare.
      const answers = a.answer && b.answer ? cosine(x.answer, y.answer) : questions;
      const cross = Math.max(a.answer ? cosine(y.question, x.answer) : 0, b.answer ? cosine(x.question, y.answer) : 0);
      return { questions, answers, cross, score: WEIGHTS.questions * questions + WEIGHTS.answers * answers + WEIGHTS.cross * cross };
    };
    return { resemble: (a, b) => parts(a, b).score, parts, vectors: vectorsOf, documents: (sense) => documents.get(sense) ?? 0, reading: vectors };
  };
  /** Each variant's senses are counted once, when it arrives, instead of all of them again at every source. */
  const growing = (): Growing => {
    const documents = new Map<string, number>();
    let count = 0;
    let kept: { vectors: Map<Variant, Bags>; count: number } | undefined;
    return {
      documents: (sense) => documents.get(sense) ?? 0,
      count: () => count,
      add(variants: readonly Variant[]): void {
        for (const v of variants) for (const sense of senses(v)) documents.set(sense, (documents.get(sense) ?? 0) + 1);
        count += variants.length;
      },
      /**
       * The resemblance over every variant added so far. With `reuseWithin`, the vectors read since the variants
       * numbered at most that many times fewer are kept rather than read again (the rarities have barely moved).
       */
      now: (reuseWithin?: number): Resemblance => {
        if (!reuseWithin || !kept || count > kept.count * reuseWithin) kept = { vectors: new Map(), count };
        return weighedBy(documents, count, kept.vectors);
      },
    };
  };
  return { growing, senses, bags: bagsOf };
}

/**
 * The resemblance among `variants`, rarity counted over all of them: what `npm run review` ranks the grouping's
 * decisions by, the measure the grouping itself decides with.
 */
export function resemblanceAmong(variants: readonly Variant[], index: ConceptIndex, senses: Senses): Resemblance {
  const all = resemblanceReader(index, senses).growing();
  all.add(variants);
  return all.now();
}
