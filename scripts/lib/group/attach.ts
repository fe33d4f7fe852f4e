/**
 * The second pass of grouping: a question whose subject no earlier question has joins the earlier entry its
 * question and answer resemble most, when they resemble it strongly. Keys join rewordings the vocabulary can
 * read; this joins the ones it cannot, through what the answers say ("What does the position-wise MLP
 * contribute?" is answered with what the feed-forward sublayer's answers say).
 *
 * - A subject nobody asked before attaches to any entry. Where an earlier question names the same specific
 *   concepts and the keys still differ, either the kinds differ ("What is RAG?" and "What are the challenges of
 *   RAG?"), and that decision stands, or only a broad concept said in passing does ("How does RoPE put position
 *   into attention?"): such a question may join an entry asked the same way about the same concepts.
 * - A question that names a specific concept or an unknown thing ("DoRA", "SwiGLU") joins only an entry whose
 *   questions or answers mention it: a question about a thing the entry never mentions asks something else.
 * - Resemblance to an entry is the mean over the entry's questions (average linkage), so an entry does not
 *   drift question by question (no chaining).
 * - Sources are read in manifest order and a question is compared only with the sources up to its own, with
 *   rarity counted over those sources: adding a source never regroups the questions of the sources before it.
 */
import type { Variant } from '../clean/types.ts';
import { type ConceptIndex, normaliseWords } from '../text/concepts.ts';
import type { Group, KeptApart } from './group.ts';
import { candidatesOf, keptApartFrom, oneGroup } from './group.ts';
import { entryBounds } from './entry-bound.ts';
import type { resemblanceReader } from './resemblance.ts';

/**
 * The resemblance at which a new subject joins an entry. At 0.35 the labelled pairs' F1 is what keys alone give
 * (precision 0.87 → 0.73, recall 0.41 → 0.45: the pairs the labels keep apart are same-topic questions with
 * different answers, which the editors settle with `apart`), while rewordings from sources written without
 * the rules join far more often (npm run bench:unseen). Lower thresholds join more topics than questions.
 */
export const ATTACH_THRESHOLD = 0.35;

/** More than rounding can part a mean of cosines from the bound on it computed from sums (entry-bound.ts). */
const ROUNDING = 1e-9;

interface Forming {
  /** Order of creation: candidates are weighed in it, so ties go to the earlier entry. */
  ordinal: number;
  groups: Group[];
  /** Every concept and word the entry's questions and answers say (so far). */
  said: Set<string>;
  /** Every sense they carry (so far). */
  senses: Set<string>;
}

const SPECIFIC = 2;

export function attachGroups(
  groups: Group[],
  sourceOrder: readonly string[],
  index: ConceptIndex,
  threshold: number,
  keptApart: KeptApart,
  reader: ReturnType<typeof resemblanceReader>,
): Group[] {
  const position = new Map(sourceOrder.map((id, i) => [id, i]));
  const sourceRank = (v: Variant) => position.get(v.source) ?? sourceOrder.length;
  const founder = (g: Group) => Math.min(...g.variants.map(sourceRank));
  const saidBy = (v: Variant) => {
    const text = `${v.question}\n${v.answer ?? ''}`;
    return [...index.find(text), ...normaliseWords(text)];
  };

  const entries: Forming[] = [];
  const entryOf = new Map<Group, Forming>();
  const entriesWithSense = new Map<string, Forming[]>();
  const askedSubjects = new Set<string>();
  const entriesOfSubjectKind = new Map<string, Set<Forming>>();
  const visible = reader.growing();
  const bounds = entryBounds<Forming>(reader.bags, reader.senses, visible);
  // An entry learns what a question says when that question's source is read, not before.
  const register = (entry: Forming, v: Variant) => {
    for (const w of saidBy(v)) entry.said.add(w);
    for (const sense of reader.senses(v)) {
      if (entry.senses.has(sense)) continue;
      entry.senses.add(sense);
      const list = entriesWithSense.get(sense);
      if (list) list.push(entry);
      else entriesWithSense.set(sense, [entry]);
    }
    bounds.add(entry, v);
  };
  // Each source's variants and the groups it founds, found once: a step touches only its own source's questions.
  const groupOf = new Map(groups.flatMap((g) => g.variants.map((v) => [v, g] as const)));
  const variantsAt = Array.from({ length: sourceOrder.length + 1 }, (): Variant[] => []);
  for (const g of groups) for (const v of g.variants) variantsAt[sourceRank(v)]!.push(v);
  const foundedAt = Array.from({ length: sourceOrder.length + 1 }, (): Group[] => []);
  for (const g of groups) foundedAt[founder(g)]!.push(g);
  for (let step = 0; step <= sourceOrder.length; step++) {
    bounds.arriving(variantsAt[step]!);
    for (const v of variantsAt[step]!) {
      const entry = entryOf.get(groupOf.get(v)!);
      if (entry) register(entry, v);
    }
    visible.add(variantsAt[step]!);
    const founded = foundedAt[step]!;
    if (!founded.length) continue;
    const upTo = (vs: readonly Variant[]) => vs.filter((v) => sourceRank(v) <= step);
    const { resemble, documents, vectors } = visible.now();
    const seen = variantsAt.slice(0, step + 1).reduce((n, vs) => n + vs.length, 0);
    // Each entry's questions so far, in order, found once a step and added to as groups join it.
    const membersAt = new Map<Forming, { groups: number; members: Variant[] }>();
    const membersOf = (entry: Forming) => {
      let kept = membersAt.get(entry);
      if (!kept) membersAt.set(entry, (kept = { groups: 0, members: [] }));
      for (; kept.groups < entry.groups.length; kept.groups++) kept.members.push(...upTo(entry.groups[kept.groups]!.variants));
      return kept.members;
    };
    for (const group of founded) {
      const own = upTo(group.variants);
      const specific = group.subject.concepts.filter((id) => index.concepts.get(id)?.level === SPECIFIC);
      const subject = [...specific].sort().join('+');
      const askedBefore = specific.length > 0 && askedSubjects.has(subject);
      if (specific.length) askedSubjects.add(subject);
      // What the question names and an entry must mention: its specific concepts, and the unknown thing it is about.
      const names = specific.length ? [...specific, ...(group.subject.words ?? [])] : [];

      /** The mean resemblance of the question to an entry's questions; null where the entry may not take it. */
      const resemblance = (members: readonly Variant[]): number | null => {
        if (keptApartFrom(keptApart, own, () => members)) return null;
        let sum = 0;
        for (const v of own) for (const w of members) sum += resemble(v, w);
        return sum / (own.length * members.length);
      };
      /**
       * The entry the question resembles most, ties to the earlier, where that resemblance reaches the threshold.
       * Entries are compared question by question in order of a bound on their resemblance (entry-bound.ts),
       * until the bound falls short of the best found or of the threshold: those left could not be chosen.
       */
      const nearest = (candidates: Iterable<Forming>): Forming | undefined => {
        const bounded = [...candidates]
          .filter((entry) => names.every((n) => entry.said.has(n)))
          .map((entry) => ({ entry, bound: bounds.mean(own, entry, vectors) }))
          .sort((a, b) => b.bound - a.bound || a.entry.ordinal - b.entry.ordinal);
        let best: Forming | undefined;
        let bestScore = threshold;
        for (const { entry, bound } of bounded) {
          if (bound + ROUNDING < bestScore) break;
          const score = resemblance(membersOf(entry));
          if (score === null || score < bestScore || (score === bestScore && best && best.ordinal < entry.ordinal)) continue;
          best = entry;
          bestScore = score;
        }
        return best;
      };
      let chosen: Forming | undefined;
      if (!askedBefore && !group.settled) {
        const senses = own.length === 1 ? reader.senses(own[0]!) : new Set(own.flatMap((v) => [...reader.senses(v)]));
        chosen = nearest(candidatesOf(senses, seen, documents, (sense) => entriesWithSense.get(sense), (entry) => entry.ordinal).map((i) => entries[i]!));
      }
      // The same specific concepts asked the same way, with keys that differ only by a broad concept said in passing
      // ("How does RoPE put position into attention?"): the entry asked so that it resembles most, by the same measure.
      // Which of two things is preferable is asked in a direction, and one of them may be broad ("When is RAG
      // preferable to fine-tuning?"): all its concepts, in order.
      const subjectKind = `${group.subject.kind}:${group.subject.kind === 'prefer' ? group.subject.concepts.join('>') : subject}`;
      if (askedBefore && !group.settled) chosen = nearest(entriesOfSubjectKind.get(subjectKind) ?? []);
      const entry: Forming = chosen ?? { ordinal: entries.length, groups: [], said: new Set(), senses: new Set() };
      if (entry !== chosen) entries.push(entry);
      if (specific.length) {
        const same = entriesOfSubjectKind.get(subjectKind) ?? new Set<Forming>();
        same.add(entry);
        entriesOfSubjectKind.set(subjectKind, same);
      }
      entry.groups.push(group);
      entryOf.set(group, entry);
      for (const v of own) register(entry, v);
    }
  }
  return entries.map((e) => oneGroup(e.groups));
}
