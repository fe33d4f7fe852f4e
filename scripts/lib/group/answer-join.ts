/**
 * The third pass of grouping: a question a later source asks joins the earlier entry whose answers make the same
 * points, when the evidence says so. An entry is one thing an interviewer asks about; two wordings belong together
 * when a good answer to one substantially answers the other, so the answers are the evidence, read over the whole
 * entry: its questions and all its answers as one document, not question by question.
 *
 * - An entry's document is the sum of its variants' question vectors and the sum of their answer vectors (unit
 *   tf-idf sense vectors, resemblance.ts), each made unit length, weighed 0.3 and 0.7: what sources answer
 *   counts more than how they ask. A question is read the same way from its own question and answer.
 * - Candidate entries come from an inverted index of the senses of the questions read so far, kept as sources
 *   arrive: the entries sharing a question's rarer senses, the 24 sharing the most by rarity; the nearest of them
 *   is found by exact cosines of the documents. No question is compared with every entry, so the pass grows
 *   with the corpus, not with its square.
 * - Whether the question joins it is a logistic model of four readings: the cosine to the nearest document, how
 *   far ahead of the second nearest it is, the cosine of the answers alone, and the strongest resemblance to one
 *   of the entry's own variants. The weights were fitted on unseen sources A-D and checked on sources held back
 *   (`npm run bench:join` refits them with each source left out in turn and prints the scores).
 * - Sources are read in manifest order; each source is compared with the entries of the sources before it only,
 *   frozen while it is read: its questions never chain through one another, and adding a source never regroups
 *   the questions of the sources before it.
 * - The editors' `apart` curations and `split` questions (settled) are never joined, and a source whose grouping
 *   the editors have reviewed (manifest `groupingReviewed`) is left as they settled it: on the five reviewed
 *   sources the pass would make about four wrong joins for each right one (`npm run bench:join`), since what
 *   is left there after keys, attach and curation is mostly questions on one subject that ask different things.
 */
import type { Variant } from '../clean/types.ts';
import { candidatesOf, type Group, type KeptApart, oneGroup } from './group.ts';
import type { Resemblance, resemblanceReader } from './resemblance.ts';
import { cosine, normalised as unit, type Vector } from '../text/similarity.ts';

type Reader = ReturnType<typeof resemblanceReader>;

/** How much an entry's questions and its answers weigh in its document. */
const DOCUMENT_WEIGHTS = { question: 0.3, answer: 0.7 } as const;

/** What the join decision reads about a question and its nearest entry. */
export interface JoinFeatures {
  /** Cosine of the question's document to the nearest entry's. */
  nearest: number;
  /** How far the nearest entry is ahead of the second nearest. */
  margin: number;
  /** Cosine of the question's answer to the entry's answers. */
  answers: number;
  /** The strongest resemblance (resemblance.ts) to one of the entry's variants. */
  closestVariant: number;
}

export type JoinWeights = Record<keyof JoinFeatures | 'bias', number>;

/** Logistic weights over JoinFeatures (fitted on unseen sources A-D with `npm run bench:join`; see the module comment). */
export const JOIN_WEIGHTS: Readonly<JoinWeights> = { bias: -3.98, nearest: 4.49, margin: 0.08, answers: 6.86, closestVariant: 2.08 };

/**
 * A question joins when the model says a join is right with at least this probability. Above one half because
 * the two mistakes do not cost the same: a wrong join puts another question's points into an entry's answer,
 * a missed one leaves a second entry for the same question. On the pass's decisions for unseen A-H, 0.55
 * instead of 0.5 makes 5 fewer right joins of 75 and 4 fewer wrong ones of 17, and fuses no more new questions
 * (npm run bench:join -- --dump); it keeps "What is chain-of-thought prompting?" out of an agentic-planning
 * scenario whose answer mentions it.
 */
export const JOIN_THRESHOLD = 0.55;

export function joinProbability(f: JoinFeatures, w: Readonly<JoinWeights> = JOIN_WEIGHTS): number {
  const z = w.bias + w.nearest * f.nearest + w.margin * f.margin + w.answers * f.answers + w.closestVariant * f.closestVariant;
  return 1 / (1 + Math.exp(-z));
}

function add(into: Vector, vector: Vector, weight = 1): Vector {
  for (const [k, x] of vector) into.set(k, (into.get(k) ?? 0) + weight * x);
  return into;
}

interface Document {
  questions: Vector;
  answers: Vector;
  both: Vector;
}

function documentOf(variants: readonly Variant[], resemblance: Resemblance): Document {
  const questions: Vector = new Map();
  const answers: Vector = new Map();
  for (const v of variants) {
    const { question, answer } = resemblance.vectors(v);
    add(questions, question);
    add(answers, answer);
  }
  const q = unit(questions);
  const a = unit(answers);
  return { questions: q, answers: a, both: unit(add(add(new Map(), q, DOCUMENT_WEIGHTS.question), a, DOCUMENT_WEIGHTS.answer)) };
}

/** An entry's document (and a question's vectors) is read again once what it was read with has grown by this factor. */
const DOCUMENT_REREAD = 1.25;

/**
 * The entries of earlier sources, to find the nearest one to a question. Each entry's document is read when a
 * question is first compared with it. `candidates` names the entries a question is compared with (indices in
 * order); `read` reads an entry's document (by default afresh, with `resemblance`).
 */
export function entryIndex(
  entries: readonly (readonly Variant[])[],
  resemblance: Resemblance,
  candidates: (own: readonly Variant[]) => number[],
  read: (i: number) => Document = (i) => documentOf(entries[i]!, resemblance),
) {
  const documents = new Map<number, Document>();
  const documentAt = (i: number) => {
    let d = documents.get(i);
    if (!d) documents.set(i, (d = read(i)));
    return d;
  };
  /** The dot product of the question's document with each candidate's, over the senses they share. */
  const dotsOf = (doc: Document, own: readonly Variant[]): Map<number, number> => {
    const dots = new Map<number, number>();
    for (const i of candidates(own)) {
      const other = documentAt(i).both;
      const shared = [...doc.both].filter(([sense]) => other.has(sense));
      if (shared.length) dots.set(i, shared.reduce((dot, [sense, x]) => dot + x * other.get(sense)!, 0));
    }
    return dots;
  };
  return {
    /** The nearest entry to a question asked in `own` (one or more wordings), with the join features. */
    nearest(own: readonly Variant[], allowed: (entry: number) => boolean = () => true): { entry: number; features: JoinFeatures } | null {
      const doc = documentOf(own, resemblance);
      const dots = dotsOf(doc, own);
      let best = -1;
      let bestScore = 0;
      let second = 0;
      // Ties go to the earlier entry: the order of entries is the order sources were read in.
      for (const [i, s] of [...dots].sort((a, b) => a[0] - b[0])) {
        if (!allowed(i)) continue;
        if (s > bestScore) {
          second = bestScore;
          bestScore = s;
          best = i;
        } else if (s > second) second = s;
      }
      if (best < 0) return null;
      let closestVariant = 0;
      for (const v of own) for (const w of entries[best]!) closestVariant = Math.max(closestVariant, resemblance.resemble(v, w));
      return {
        entry: best,
        features: { nearest: bestScore, margin: bestScore - second, answers: cosine(doc.answers, documentAt(best).answers), closestVariant },
      };
    },
  };
}

/** Lets the fitting bench see every decision the pass weighs, and decide differently. */
export interface JoinHooks {
  observe?: (question: readonly Variant[], entry: readonly Variant[], features: JoinFeatures) => void;
  decide?: (features: JoinFeatures) => boolean;
}

/**
 * Joins groups of later sources to earlier entries (see the module comment). `groups` come from the earlier passes;
 * a group joins as a whole, and the result keeps their order. `reviewed(source)`: whether the editors have reviewed
 * the source's grouping (manifest `groupingReviewed`); its questions stay where the earlier passes and the
 * curations put them.
 */
export function joinByAnswers(
  groups: Group[],
  sourceOrder: readonly string[],
  reader: Reader,
  keptApart: KeptApart = () => false,
  reviewed: (source: string) => boolean = () => false,
  hooks: JoinHooks = {},
): Group[] {
  const decide = hooks.decide ?? ((f: JoinFeatures) => joinProbability(f) >= JOIN_THRESHOLD);
  const position = new Map(sourceOrder.map((id, i) => [id, i]));
  const rank = (v: Variant) => position.get(v.source) ?? sourceOrder.length;
  const founder = new Map(groups.map((g) => [g, Math.min(...g.variants.map(rank))]));
  /** Each entry's groups; an entry is named by its first group. */
  const entryOf = new Map<Group, Group[]>(groups.map((g) => [g, [g]]));
  // Each source's questions, found once; the senses of the entries' questions read so far, indexed as they arrive.
  const groupOf = new Map(groups.flatMap((g) => g.variants.map((v) => [v, g] as const)));
  const variantsAt = Array.from({ length: sourceOrder.length + 1 }, (): Variant[] => []);
  for (const g of groups) for (const v of g.variants) variantsAt[rank(v)]!.push(v);
  const entriesWithSense = new Map<string, Set<Group[]>>();
  const documents = new Map<Group[], { document: Document; members: number; seen: number }>();
  const visible = reader.growing();
  let seen = 0;
  for (let step = 0; step < sourceOrder.length; step++) {
    if (step > 0) {
      for (const v of variantsAt[step - 1]!) {
        const entry = entryOf.get(groupOf.get(v)!)!;
        for (const sense of reader.senses(v)) {
          const set = entriesWithSense.get(sense) ?? new Set();
          set.add(entry);
          entriesWithSense.set(sense, set);
        }
      }
    }
    visible.add(variantsAt[step]!);
    seen += variantsAt[step]!.length;
    if (step === 0 || reviewed(sourceOrder[step]!)) continue;
    const founded = groups.filter((g) => founder.get(g) === step && !g.settled);
    if (!founded.length) continue;
    const earlier = [...new Set(groups.filter((g) => founder.get(g)! < step).map((g) => entryOf.get(g)!))];
    if (!earlier.length) continue;
    const indexOf = new Map(earlier.map((entry, i) => [entry, i]));
    const before = (vs: readonly Variant[]) => vs.filter((v) => rank(v) < step);
    const members = earlier.map((entry) => entry.flatMap((g) => before(g.variants)));
    const resemblance = visible.now(DOCUMENT_REREAD);
    const candidates = (own: readonly Variant[]) =>
      candidatesOf(new Set(own.flatMap((v) => [...reader.senses(v)])), seen, resemblance.documents, (sense) => [...(entriesWithSense.get(sense) ?? [])].map((entry) => indexOf.get(entry)!));
    // An entry's document, and each question's vectors, are read again once the entry's questions or all the
    // questions read have grown by a quarter since: each is read a few times over the corpus, not at every source.
    const read = (i: number): Document => {
      const kept = documents.get(earlier[i]!);
      if (kept && members[i]!.length <= kept.members * DOCUMENT_REREAD && seen <= kept.seen * DOCUMENT_REREAD) return kept.document;
      const document = documentOf(members[i]!, resemblance);
      documents.set(earlier[i]!, { document, members: members[i]!.length, seen });
      return document;
    };
    const index = entryIndex(members, resemblance, candidates, read);
    const joins: [Group, Group[]][] = [];
    for (const group of founded) {
      const own = group.variants.filter((v) => rank(v) === step);
      const found = index.nearest(own, (i) => !own.some((v) => members[i]!.some((w) => keptApart(v, w))));
      if (!found) continue;
      hooks.observe?.(own, members[found.entry]!, found.features);
      if (decide(found.features)) joins.push([group, earlier[found.entry]!]);
    }
    // Applied after the whole source is read, so its questions are weighed against the same entries.
    for (const [group, entry] of joins) {
      entry.push(group);
      entryOf.set(group, entry);
    }
  }
  const emitted = new Set<Group[]>();
  const result: Group[] = [];
  for (const group of groups) {
    const entry = entryOf.get(group)!;
    if (emitted.has(entry)) continue;
    emitted.add(entry);
    result.push(oneGroup(entry));
  }
  return result;
}
