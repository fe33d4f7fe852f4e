/** Turns groups of variants into entries: a canonical wording and a topic. */
import type { Group } from '../group/index.ts';
import type { ConceptIndex } from '../text/concepts.ts';
import type { Variant } from '../clean/types.ts';
import { assignTopic } from './topics.ts';

/** A group as an entry: what the automatic grouping knows of it. Each later stage returns a wider entry (permalinks.ts, editorial/curate.ts, links/link-entries.ts). */
export interface BuiltEntry {
  /** The clearest of its wordings. */
  readonly question: string;
  readonly topic: string;
  /** Variants in source order (manifest order, then line). */
  readonly variants: Variant[];
  /** The concepts the question is about, and every concept its wordings and answers mention. */
  readonly subject: string[];
  readonly mentions: string[];
  /** Manifest ids of the sources that ask it, in manifest order. */
  readonly sources: string[];
}

/** A question word or an auxiliary: the start of a full question (see tests/headings.test.ts). */
export const QUESTION_START =
  /^(?:what|why|how|when|which|where|who|whom|whose|can|could|is|are|was|were|does|do|did|should|would|will|shall|may|might|must|has|have|had)\b/i;
/** An instruction ("Explain …", "Name …") asks, but is not worded as a question. */
const IMPERATIVE = /^(?:explain|compare|name|write|describe|list|give|define|discuss)\b/i;
/** "How BERT is bi-directional?": how, why, when or where not followed by its auxiliary is statement word order. */
const STATEMENT_ORDER =
  /^(?:how|why|when|where)\s+(?!(?:is|are|was|were|do|does|did|can|could|would|will|should|shall|may|might|must|has|have|had|isn't|aren't|don't|doesn't)\b|(?<=how\s+)(?:much|many|long|often|far|well)\b)/i;
const IDEAL_LENGTH = 55;

/** Lower is clearer: a full, grammatical question of moderate length, with an answer behind it. */
function wordingScore(variant: Variant): number {
  const q = variant.question;
  return (
    (QUESTION_START.test(q) ? (STATEMENT_ORDER.test(q) ? 4 : 0) : IMPERATIVE.test(q) ? 4 : 6) +
    // "What is X …?" names the subject plainly.
    (/^what (?:is|are)\b/i.test(q) ? 0 : 1) +
    (q.endsWith('?') ? 0 : 3) +
    (variant.answer ? 0 : 2) +
    (/\bin the context of\b|^can you\b|^could you\b/i.test(q) ? 2 : 0) +
    Math.abs(q.length - IDEAL_LENGTH) / 25
  );
}

/** `sectionTopic`: the topic a variant's section falls in, by its source's manifest entry (`sectionTopics`). */
export function buildEntries(
  groups: Group[],
  sourceOrder: string[],
  index: ConceptIndex,
  sectionTopic: (variant: Variant) => string | undefined,
): BuiltEntry[] {
  const rank = (v: Variant) => sourceOrder.indexOf(v.source) * 1e6 + v.line;
  return groups
    .map((group) => ({ group, variants: [...group.variants].sort((a, b) => rank(a) - rank(b)) }))
    .sort((a, b) => rank(a.variants[0]!) - rank(b.variants[0]!))
    .map(({ group, variants }): BuiltEntry => {
      const question = variants.toSorted((a, b) => wordingScore(a) - wordingScore(b))[0]!.question;
      const mentions = [...new Set(variants.flatMap((v) => index.find(`${v.question}\n${v.answer ?? ''}`)))];
      const sectionTopics = variants.flatMap((v) => sectionTopic(v) ?? []);
      return {
        question,
        topic: assignTopic(group.subject.concepts, mentions, sectionTopics, index),
        variants,
        subject: group.subject.concepts,
        mentions,
        sources: sourceOrder.filter((id) => variants.some((v) => v.source === id)),
      };
    });
}
