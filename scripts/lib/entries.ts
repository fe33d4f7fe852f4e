/** Turns groups of variants into entries: a canonical wording, a stable-looking id, a topic and an answer. */
import type { Group } from './group/index.ts';
import type { ConceptIndex } from './group/concepts.ts';
import { mergeAnswer, mergeContext } from './merge-answer.ts';
import type { Variant } from './model.ts';
import { slugify } from './slug.ts';
import { assignTopic } from './topics.ts';

export interface Entry {
  id: string;
  question: string;
  topic: string;
  /** Variants in source order (manifest order, then line). */
  variants: Variant[];
  /** The concepts the question is about, and every concept its wordings and answers mention. */
  subject: string[];
  mentions: string[];
  /** The merged answer (merge-answer.ts): Markdown, or null when no source answers. */
  answer: string | null;
  /** Manifest ids of the sources that ask it, in manifest order. */
  sources: string[];
  related: string[];
  terms: string[];
}

const INTERROGATIVE = /^(?:what|why|how|when|which|where|who|can|could|is|are|does|do|should|explain|compare|name|write)\b/i;
const IDEAL_LENGTH = 55;

/** Lower is clearer: a direct question of moderate length, with an answer behind it. */
function wordingScore(variant: Variant): number {
  const q = variant.question;
  return (
    (INTERROGATIVE.test(q) ? 0 : 6) +
    // "What is X …?" names the subject plainly.
    (/^what (?:is|are)\b/i.test(q) ? 0 : 1) +
    (q.endsWith('?') ? 0 : 3) +
    (variant.answer ? 0 : 2) +
    (/\bin the context of\b|^can you\b|^could you\b/i.test(q) ? 2 : 0) +
    Math.abs(q.length - IDEAL_LENGTH) / 25
  );
}

export function canonicalWording(variants: Variant[]): string {
  return [...variants].sort((a, b) => wordingScore(a) - wordingScore(b))[0]!.question;
}

export function buildEntries(groups: Group[], sourceOrder: string[], index: ConceptIndex, sourceName: (id: string) => string): Entry[] {
  const rank = (v: Variant) => sourceOrder.indexOf(v.source) * 1e6 + v.line;
  const context = mergeContext(groups.flatMap((g) => g.variants.flatMap((v) => (v.answer ? [v.answer] : []))), index);
  return groups
    .map((group) => ({ group, variants: [...group.variants].sort((a, b) => rank(a) - rank(b)) }))
    .sort((a, b) => rank(a.variants[0]!) - rank(b.variants[0]!))
    .map(({ group, variants }): Entry => {
      const question = canonicalWording(variants);
      const mentions = [...new Set(variants.flatMap((v) => index.find(`${v.question}\n${v.answer ?? ''}`)))];
      const sections = variants.flatMap((v) => (v.section ? [v.section] : []));
      return {
        // Provisional: permalinks.ts assigns the lasting, unique id from the committed id map.
        id: slugify(question),
        question,
        topic: assignTopic(group.subject.concepts, mentions, sections, index),
        variants,
        subject: group.subject.concepts,
        mentions,
        answer: mergeAnswer(variants, sourceName, context),
        sources: sourceOrder.filter((id) => variants.some((v) => v.source === id)),
        related: [],
        terms: [],
      };
    });
}
