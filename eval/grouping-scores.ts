/**
 * Pairwise precision and recall of the grouping against hand-labelled pairs (eval/duplicates-dev.json):
 * pairs within a `same_question` group should share an entry; pairs across groups and `must_stay_apart`
 * pairs should not; `either_way` members are not scored.
 */
import { type KnowledgeBase, normaliseWording } from '../scripts/lib/index.ts';

interface LabelledQuestion {
  source: string;
  question: string;
}

export interface DuplicateLabels {
  groups: { same_question: LabelledQuestion[]; either_way?: LabelledQuestion[] }[];
  must_stay_apart: [LabelledQuestion, LabelledQuestion][];
}

export interface PairwiseScores {
  precision: number;
  recall: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  trueNegatives: number;
  /** Labelled questions no variant matched (the labels and the parser disagree). */
  unmatched: string[];
  mistakes: string[];
}

export function pairwiseScores(kb: KnowledgeBase, labels: DuplicateLabels): PairwiseScores {
  const idByFile = new Map(kb.sources.map((s) => [s.file.split('/').pop()!, s.id]));
  const entryOf = new Map<string, string>();
  for (const entry of kb.entries) for (const v of entry.variants) entryOf.set(`${v.source}|${normaliseWording(v.question)}`, entry.id);
  const unmatched: string[] = [];
  const find = (q: LabelledQuestion): string | undefined => {
    const source = idByFile.get(q.source) ?? q.source;
    const key = `${source}|${normaliseWording(q.question)}`;
    const exact = entryOf.get(key);
    if (exact) return exact;
    // Cleaning may have repaired the wording the labels quote (a lost letter, a hyphen).
    for (const [k, id] of entryOf) if (k.startsWith(`${source}|`) && (k.includes(normaliseWording(q.question)) || key.includes(k.split('|')[1]!))) return id;
    unmatched.push(`${q.source}: ${q.question}`);
    return undefined;
  };
  const pairs: [LabelledQuestion, LabelledQuestion, boolean][] = [];
  labels.groups.forEach((group, g) => {
    const same = group.same_question;
    for (let i = 0; i < same.length; i++) for (let j = i + 1; j < same.length; j++) pairs.push([same[i]!, same[j]!, true]);
    labels.groups.slice(g + 1).forEach((other) => {
      for (const a of same) for (const b of other.same_question) pairs.push([a, b, false]);
    });
  });
  for (const [a, b] of labels.must_stay_apart) pairs.push([a, b, false]);

  return tally(
    pairs.map(([a, b, same]) => {
      const ea = find(a);
      return { same, together: ea !== undefined && ea === find(b), label: `"${a.question}" / "${b.question}"` };
    }),
    unmatched,
  );
}

/** Precision and recall from labelled pairs, each said to be the same question or not, and grouped together or not. */
function tally(pairs: Iterable<{ same: boolean; together: boolean; label: string }>, unmatched: string[]): PairwiseScores {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  const mistakes: string[] = [];
  for (const { same, together, label } of pairs) {
    if (same && together) tp++;
    else if (same) {
      fn++;
      mistakes.push(`kept apart: ${label}`);
    } else if (together) {
      fp++;
      mistakes.push(`merged: ${label}`);
    } else tn++;
  }
  return {
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    trueNegatives: tn,
    unmatched: [...new Set(unmatched)],
    mistakes,
  };
}

/** Every question labelled into its entry by editors (eval/entries-labelled.json). */
export interface EntryLabels {
  entries: { label: string; members: { source: string; line: number; question: string }[] }[];
}

/**
 * Pairwise precision and recall of the grouping against entry labels. `counts(a, b)` picks the pairs scored:
 * to report on a held-out source, score only the pairs that involve it.
 */
export function entryPairScores(
  kb: { entries: readonly { id: string; variants: readonly { source: string; line: number }[] }[] },
  labels: EntryLabels,
  counts: (a: string, b: string) => boolean = () => true,
): PairwiseScores {
  const entryOf = new Map<string, string>();
  for (const entry of kb.entries) for (const v of entry.variants) entryOf.set(`${v.source}:${v.line}`, entry.id);
  const labelOf = new Map<string, string>();
  const wording = new Map<string, string>();
  for (const e of labels.entries) for (const m of e.members) {
    labelOf.set(`${m.source}:${m.line}`, e.label);
    wording.set(`${m.source}:${m.line}`, m.question);
  }
  const keys = [...labelOf.keys()].filter((k) => entryOf.has(k)).sort();
  const unmatched = [...labelOf.keys()].filter((k) => !entryOf.has(k));
  const pairs = keys.flatMap((a, i) =>
    keys.slice(i + 1).flatMap((b) =>
      counts(a, b)
        ? [{ same: labelOf.get(a) === labelOf.get(b), together: entryOf.get(a) === entryOf.get(b), label: `${a} "${wording.get(a)}" / ${b} "${wording.get(b)}"` }]
        : [],
    ),
  );
  return tally(pairs, unmatched);
}
