/**
 * Assigns each entry one topic. Families stay together: a question naming a concept of a family topic
 * (LoRA, RAG, positional encoding, efficient attention, multimodal) goes to that family's page. Otherwise the
 * most specific concept decides, then the topic of the section the question came from (a book's chapter, by the
 * source's manifest entry), then the generic concepts.
 */
import type { ConceptIndex } from '../text/concepts.ts';
import { type QuestionKind, questionKind } from '../group/question-kind.ts';

const FAMILY_TOPICS = ['peft', 'rag-prompting', 'positional-encoding', 'multimodal', 'efficient-attention'];
const FALLBACK_TOPIC = 'transformer-architecture';

/** `sectionTopics`: the topics of the sections its variants sit in, in variant order. */
export function assignTopic(subjectConcepts: string[], mentioned: string[], sectionTopics: string[], index: ConceptIndex): string {
  const topicOf = (id: string) => index.concepts.get(id)?.topic;
  const level = (id: string) => index.concepts.get(id)?.level ?? 0;
  const all = [...subjectConcepts, ...mentioned.filter((m) => !subjectConcepts.includes(m))];
  for (const family of FAMILY_TOPICS) if (subjectConcepts.some((id) => topicOf(id) === family)) return family;
  for (const minimum of [2, 1] as const) {
    const concept = subjectConcepts.find((id) => level(id) >= minimum && topicOf(id));
    if (concept) return topicOf(concept)!;
  }
  if (sectionTopics.length) return sectionTopics[0]!;
  return all.map(topicOf).find(Boolean) ?? FALLBACK_TOPIC;
}

/**
 * The order a learner meets a topic's entries in: what a thing is before how and why it works, those before
 * comparisons and kinds, and situations, trade-offs and outlooks last. Within each step the fundamentals come
 * first, the entries whose subject the topic's other questions build on (mention most), then the most asked (by
 * how many sources ask it, then in how many wordings), then the plainer (shorter) question.
 */
const LEARNING_STEP: Record<QuestionKind, number> = {
  about: 1, formula: 2, kinds: 2, compare: 2, relation: 2, count: 2,
  effect: 3, when: 3, handle: 3, apply: 3, howto: 3, combine: 3, can: 3, evaluate: 3, remedy: 3, challenges: 3,
  prefer: 4, scenario: 4, future: 4,
};
/** "What is X?", "What are X?": the definition a beginner needs first. */
const DEFINITION = /^(?:what (?:is|are)|define)\b/i;

interface Ordered {
  question: string;
  subject: readonly string[];
  mentions: readonly string[];
  sources: readonly string[];
  variants: readonly unknown[];
}

export function learningOrder<T extends Ordered>(entries: readonly T[]): T[] {
  const step = (e: T) => {
    const kind = questionKind(e.question);
    return kind === 'about' && DEFINITION.test(e.question.trim()) ? 0 : LEARNING_STEP[kind];
  };
  // How many of the topic's other entries ask about or mention what this one is about.
  const builtOn = (e: T) => entries.filter((other) => other !== e && e.subject.some((c) => other.mentions.includes(c))).length;
  return entries
    .map((entry, index) => ({ entry, index, step: step(entry), builtOn: builtOn(entry) }))
    .sort(
      (a, b) =>
        a.step - b.step ||
        b.builtOn - a.builtOn ||
        b.entry.sources.length - a.entry.sources.length ||
        b.entry.variants.length - a.entry.variants.length ||
        a.entry.question.length - b.entry.question.length ||
        a.index - b.index,
    )
    .map(({ entry }) => entry);
}
