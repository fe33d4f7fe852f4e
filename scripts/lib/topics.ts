/**
 * Assigns each entry one topic. Families stay together: a question naming a concept of a family topic
 * (LoRA, RAG, positional encoding, efficient attention, multimodal) goes to that family's page. Otherwise the
 * most specific concept decides, then the book chapter the question came from, then the generic concepts.
 */
import { TOPICS } from '../data/topics.ts';
import type { ConceptIndex } from './group/concepts.ts';

const FAMILY_TOPICS = ['peft', 'rag-prompting', 'positional-encoding', 'multimodal', 'efficient-attention'];
const FALLBACK_TOPIC = 'transformer-architecture';

const chapterTopic = new Map(TOPICS.flatMap((t) => (t.chapters ?? []).map((ch) => [ch, t.id] as const)));

export function assignTopic(subjectConcepts: string[], mentioned: string[], sections: string[], index: ConceptIndex): string {
  const topicOf = (id: string) => index.concepts.get(id)?.topic;
  const level = (id: string) => index.concepts.get(id)?.level ?? 0;
  const all = [...subjectConcepts, ...mentioned.filter((m) => !subjectConcepts.includes(m))];
  for (const family of FAMILY_TOPICS) if (subjectConcepts.some((id) => topicOf(id) === family)) return family;
  for (const minimum of [2, 1] as const) {
    const concept = subjectConcepts.find((id) => level(id) >= minimum && topicOf(id));
    if (concept) return topicOf(concept)!;
  }
  for (const section of sections) {
    const topic = chapterTopic.get(section);
    if (topic) return topic;
  }
  return all.map(topicOf).find(Boolean) ?? FALLBACK_TOPIC;
}
