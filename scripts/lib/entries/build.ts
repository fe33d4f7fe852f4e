/** Turns groups of variants into entries: a canonical wording, a stable-looking id, a topic and an answer. */
import type { Group } from '../group/index.ts';
import type { ConceptIndex } from '../text/concepts.ts';
import type { Variant } from '../clean/types.ts';
import type { Mistake, Note } from '../read/schema.ts';
import { slugify } from '../text/slug.ts';
import { assignTopic } from './topics.ts';

/**
 * An entry as the stages hand it on: each stage after grouping returns new entries (a copy with its own fields
 * set) and never assigns to an entry it was given.
 */
export interface Entry {
  readonly id: string;
  /** The heading: a source's wording, or the editors' own (curation `wording` with `text`). */
  readonly question: string;
  /** The heading is worded by the editors, not taken from a source. */
  readonly editorsWording?: boolean;
  readonly topic: string;
  /** Variants in source order (manifest order, then line). */
  readonly variants: Variant[];
  /** The concepts the question is about, and every concept its wordings and answers mention. */
  readonly subject: string[];
  readonly mentions: string[];
  /**
   * The answer (Markdown): the one source's answer, or the editors' answer with its citations as GFM footnotes
   * (editorial/apply.ts), followed by any answers the editors have not reviewed yet; null when no source answers.
   */
  readonly answer: string | null;
  /** "In short": the editors' two or three sentences a candidate says first (Markdown), from the entry file. */
  readonly short?: string;
  /** The answer is the editors', written from two or more answers (sources/entries/<id>.md). */
  readonly editorsAnswer?: boolean;
  /** Answers of the entry the editors have not reviewed yet (`source:line`): shown verbatim under the answer. */
  readonly awaitingEditors?: readonly string[];
  /** Manifest ids of the sources that ask it, in manifest order. */
  readonly sources: string[];
  readonly related: string[];
  readonly terms: string[];
  /** The editors' corrections and notes (editorial/apply.ts). */
  readonly notes: Note[];
  /** The corrections as mistakes to avoid in an interview (editorial.ts). */
  readonly mistakes?: Mistake[];
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
): Entry[] {
  const rank = (v: Variant) => sourceOrder.indexOf(v.source) * 1e6 + v.line;
  return groups
    .map((group) => ({ group, variants: [...group.variants].sort((a, b) => rank(a) - rank(b)) }))
    .sort((a, b) => rank(a.variants[0]!) - rank(b.variants[0]!))
    .map(({ group, variants }): Entry => {
      const question = variants.toSorted((a, b) => wordingScore(a) - wordingScore(b))[0]!.question;
      const mentions = [...new Set(variants.flatMap((v) => index.find(`${v.question}\n${v.answer ?? ''}`)))];
      const sectionTopics = variants.flatMap((v) => sectionTopic(v) ?? []);
      return {
        // Provisional: permalinks.ts assigns the lasting, unique id from the committed id map.
        id: slugify(question),
        question,
        topic: assignTopic(group.subject.concepts, mentions, sectionTopics, index),
        variants,
        subject: group.subject.concepts,
        mentions,
        // The first answer in source order; the editorial stage puts the others, or the editors' answer, with it.
        answer: variants.find((v) => v.answer)?.answer ?? null,
        sources: sourceOrder.filter((id) => variants.some((v) => v.source === id)),
        related: [],
        terms: [],
        notes: [],
      };
    });
}
