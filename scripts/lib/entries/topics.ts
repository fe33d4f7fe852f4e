/**
 * Assigns each entry one topic. Families stay together: a question naming a concept of a family topic
 * (LoRA, RAG, positional encoding, efficient attention, multimodal) goes to that family's page. Otherwise the
 * most specific concept decides, then the topic of the section the question came from (a book's chapter, by the
 * source's manifest entry), then the generic concepts.
 */
import type { ConceptIndex } from '../text/concepts.ts';

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
