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
import { candidatesOf, type Group, type KeptApart, keptApartFrom, oneGroup } from './group.ts';
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

/** An entry's question and answer vectors summed, before they are scaled into its document. */
interface Sums {
  questions: Vector;
  answers: Vector;
}

function sumsOf(variants: readonly Variant[], resemblance: Resemblance, into: Sums = { questions: new Map(), answers: new Map() }): Sums {
  for (const v of variants) {
    const { question, answer } = resemblance.vectors(v);
    add(into.questions, question);
    add(into.answers, answer);
  }
  return into;
}

function documentFrom(sums: Sums): Document {
  const q = unit(sums.questions);
  const a = unit(sums.answers);
  return { questions: q, answers: a, both: unit(add(add(new Map(), q, DOCUMENT_WEIGHTS.question), a, DOCUMENT_WEIGHTS.answer)) };
}

const documentOf = (variants: readonly Variant[], resemblance: Resemblance): Document => documentFrom(sumsOf(variants, resemblance));

/** No resemblance exceeds this: a weighted sum of cosines of vectors no longer than 1, rounding apart. */
const RESEMBLANCE_CEILING = 1 + 1e-9;

/** An entry's document (and a question's vectors) is read again once what it was read with has grown by this factor. */
const DOCUMENT_REREAD = 1.25;

/**
 * The entries of earlier sources, to find the nearest one to a question. Each entry's document is read when a
 * question is first compared with it. `entries` gives an entry's questions (by its index in order, from 0);
 * `candidates` names the entries a question is compared with; `read` reads an entry's document (by default
 * afresh, with `resemblance`).
 */
export function entryIndex(
  entries: readonly (readonly Variant[])[] | ((i: number) => readonly Variant[]),
  resemblance: Resemblance,
  candidates: (own: readonly Variant[]) => number[],
  read?: (i: number) => Document,
) {
  const membersOf = typeof entries === 'function' ? entries : (i: number) => entries[i]!;
  const readDocument = read ?? ((i: number) => documentOf(membersOf(i), resemblance));
  const documents = new Map<number, Document>();
  const documentAt = (i: number) => {
    let d = documents.get(i);
    if (!d) documents.set(i, (d = readDocument(i)));
    return d;
  };
  /** The dot product of the question's document with each candidate's that shares a sense with it. */
  const dotsOf = (doc: Document, own: readonly Variant[]): [number, number][] => {
    const dots: [number, number][] = [];
    const senses = [...doc.both.keys()];
    const weights = [...doc.both.values()];
    for (const i of candidates(own)) {
      const other = documentAt(i).both;
      let dot = 0;
      let shares = false;
      for (let k = 0; k < senses.length; k++) {
        const y = other.get(senses[k]!);
        if (y === undefined) continue;
        dot += weights[k]! * y;
        shares = true;
      }
      if (shares) dots.push([i, dot]);
    }
    return dots;
  };
  return {
    /**
     * The nearest entry to a question asked in `own` (one or more wordings), with the join features. With
     * `settled`, the entry's variants are compared only until it says the features read so far settle what
     * is decided (closestVariant then is the strongest resemblance found so far).
     */
    nearest(own: readonly Variant[], allowed: (entry: number) => boolean = () => true, settled?: (features: JoinFeatures) => boolean): { entry: number; features: JoinFeatures } | null {
      const doc = documentOf(own, resemblance);
      // Nearest first, ties to the earlier entry (entries are in the order sources were read); whether an entry
      // is allowed is asked only until the nearest two allowed are found.
      const ranked = dotsOf(doc, own)
        .filter(([, s]) => s > 0)
        .sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      let best = -1;
      let bestScore = 0;
      let second = 0;
      for (const [i, s] of ranked) {
        if (!allowed(i)) continue;
        if (best >= 0) {
          second = s;
          break;
        }
        best = i;
        bestScore = s;
      }
      if (best < 0) return null;
      const features = { nearest: bestScore, margin: bestScore - second, answers: cosine(doc.answers, documentAt(best).answers), closestVariant: 0 };
      if (settled?.(features)) return { entry: best, features };
      for (const v of own) {
        for (const w of membersOf(best)) {
          features.closestVariant = Math.max(features.closestVariant, resemblance.resemble(v, w));
          if (settled?.(features)) return { entry: best, features };
        }
      }
      return { entry: best, features };
    },
  };
}

/** Lets the fitting bench see every decision the pass weighs, and decide differently. */
export interface JoinHooks {
  observe?: (question: readonly Variant[], entry: readonly Variant[], features: JoinFeatures) => void;
  decide?: (features: JoinFeatures) => boolean;
}

/** An entry as the pass forms it: its groups, named by the first. */
interface Forming {
  groups: Group[];
  /** The earliest of its groups' places in the pass's input: entries are weighed in this order. */
  place: number;
  /** Its index among the entries of the sources read so far. */
  index: number;
  /** How many of its questions the sources read so far ask, and the senses they carry. */
  read: number;
  senses: Set<string>;
  members?: { read: number; list: Variant[] };
  /** Its document, and how many questions it and the whole pass had read when it was read; from what sums of which questions, with which reading of the vectors. */
  document?: { document: Document; members: number; seen: number; sums: Sums; of: readonly Variant[]; reading: object | undefined };
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
  // The decision rises with the closest variant's resemblance, which is at most 1: unless hooks want every feature,
  // an entry's variants are compared only until the decision is settled either way.
  const settled =
    hooks.decide || hooks.observe || JOIN_WEIGHTS.closestVariant < 0
      ? undefined
      : (f: JoinFeatures) => decide(f) || !decide({ ...f, closestVariant: RESEMBLANCE_CEILING });
  const position = new Map(sourceOrder.map((id, i) => [id, i]));
  const rank = (v: Variant) => position.get(v.source) ?? sourceOrder.length;
  const entryOf = new Map<Group, Forming>(groups.map((g, place) => [g, { groups: [g], place, index: -1, read: 0, senses: new Set() }]));
  // Each source's questions and the groups it founds, found once: a step touches only its own source's questions
  // and the entries compared with them, so the pass grows with the corpus, not with the corpus times its sources.
  const groupOf = new Map(groups.flatMap((g) => g.variants.map((v) => [v, g] as const)));
  const variantsAt = Array.from({ length: sourceOrder.length + 1 }, (): Variant[] => []);
  for (const g of groups) for (const v of g.variants) variantsAt[rank(v)]!.push(v);
  const foundedAt = Array.from({ length: sourceOrder.length + 1 }, (): Group[] => []);
  for (const g of groups) foundedAt[Math.min(...g.variants.map(rank))]?.push(g);
  // The entries of the sources read so far, in order, and the senses of their questions, kept as sources arrive.
  const earlier: Forming[] = [];
  let inOrder = true;
  const entriesWithSense = new Map<string, Forming[]>();
  const visible = reader.growing();
  let seen = 0;
  for (let step = 0; step < sourceOrder.length; step++) {
    if (step > 0) {
      for (const v of variantsAt[step - 1]!) {
        const entry = entryOf.get(groupOf.get(v)!)!;
        entry.read++;
        for (const sense of reader.senses(v)) {
          if (entry.senses.has(sense)) continue;
          entry.senses.add(sense);
          const list = entriesWithSense.get(sense);
          if (list) list.push(entry);
          else entriesWithSense.set(sense, [entry]);
        }
      }
      for (const g of foundedAt[step - 1]!) {
        const entry = entryOf.get(g)!;
        if (entry.groups[0] !== g) continue;
        inOrder &&= !earlier.length || earlier[earlier.length - 1]!.place < entry.place;
        entry.index = earlier.push(entry) - 1;
      }
    }
    visible.add(variantsAt[step]!);
    seen += variantsAt[step]!.length;
    if (step === 0 || reviewed(sourceOrder[step]!)) continue;
    const founded = foundedAt[step]!.filter((g) => !g.settled);
    if (!founded.length || !earlier.length) continue;
    if (!inOrder) {
      earlier.sort((a, b) => a.place - b.place).forEach((entry, i) => (entry.index = i));
      inOrder = true;
    }
    const before = (vs: readonly Variant[]) => vs.filter((v) => rank(v) < step);
    // An entry's questions read so far, in order: found again only once it has read more.
    const members = (i: number) => {
      const entry = earlier[i]!;
      if (entry.members?.read !== entry.read) entry.members = { read: entry.read, list: entry.groups.flatMap((g) => before(g.variants)) };
      return entry.members.list;
    };
    const resemblance = visible.now(DOCUMENT_REREAD);
    const candidates = (own: readonly Variant[]) =>
      candidatesOf(own.length === 1 ? reader.senses(own[0]!) : new Set(own.flatMap((v) => [...reader.senses(v)])), seen, resemblance.documents, (sense) => entriesWithSense.get(sense), (entry) => entry.index);
    // An entry's document, and each question's vectors, are read again once the entry's questions or all the
    // questions read have grown by a quarter since: each is read a few times over the corpus, not at every source.
    // With the vectors read as before and new questions only after the old, the old sums are added to: the same sums.
    const read = (i: number): Document => {
      const entry = earlier[i]!;
      const kept = entry.document;
      if (kept && entry.read <= kept.members * DOCUMENT_REREAD && seen <= kept.seen * DOCUMENT_REREAD) return kept.document;
      const now = members(i);
      const grown = kept && kept.reading !== undefined && kept.reading === resemblance.reading && kept.of.every((v, k) => now[k] === v);
      const sums = grown ? sumsOf(now.slice(kept.of.length), resemblance, kept.sums) : sumsOf(now, resemblance);
      const document = documentFrom(sums);
      entry.document = { document, members: entry.read, seen, sums, of: now, reading: resemblance.reading };
      return document;
    };
    const index = entryIndex(members, resemblance, candidates, read);
    const joins: [Group, Forming][] = [];
    for (const group of founded) {
      const own = group.variants.filter((v) => rank(v) === step);
      const found = index.nearest(own, (i) => !keptApartFrom(keptApart, own, () => members(i)), settled);
      if (!found) continue;
      hooks.observe?.(own, members(found.entry), found.features);
      if (decide(found.features)) joins.push([group, earlier[found.entry]!]);
    }
    // Applied after the whole source is read, so its questions are weighed against the same entries.
    for (const [group, entry] of joins) {
      const place = entryOf.get(group)!.place;
      if (place < entry.place) [entry.place, inOrder] = [place, false];
      entry.groups.push(group);
      entryOf.set(group, entry);
    }
  }
  const emitted = new Set<Forming>();
  const result: Group[] = [];
  for (const group of groups) {
    const entry = entryOf.get(group)!;
    if (emitted.has(entry)) continue;
    emitted.add(entry);
    result.push(oneGroup(entry.groups));
  }
  return result;
}
