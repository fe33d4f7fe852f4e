/**
 * Related entries: those sharing the most concepts, subject concepts counting most. Candidates come from an
 * inverted index (concept → entries), so the cost follows the number of shared concepts, not all pairs.
 */
import type { IdentifiedEntry } from '../entries/permalinks.ts';

const MAX_RELATED = 4;
const SUBJECT_WEIGHT = 3;
const SAME_TOPIC_BONUS = 0.5;
/** Concepts on more entries than this say little about relatedness ("transformer"). */
const MAX_POSTINGS = 40;

export function findRelated(entries: readonly IdentifiedEntry[]): Map<string, string[]> {
  const postings = new Map<string, number[]>();
  entries.forEach((entry, i) => {
    for (const concept of new Set([...entry.subject, ...entry.mentions])) {
      const list = postings.get(concept) ?? [];
      list.push(i);
      postings.set(concept, list);
    }
  });
  const related = new Map<string, string[]>();
  entries.forEach((entry, i) => {
    const scores = new Map<number, number>();
    const add = (concept: string, weight: number) => {
      const list = postings.get(concept) ?? [];
      if (list.length > MAX_POSTINGS) return;
      for (const j of list) if (j !== i) scores.set(j, (scores.get(j) ?? 0) + weight);
    };
    entry.subject.forEach((c) => add(c, SUBJECT_WEIGHT));
    entry.mentions.filter((c) => !entry.subject.includes(c)).forEach((c) => add(c, 1));
    for (const [j, score] of scores) if (entries[j]!.topic === entry.topic) scores.set(j, score + SAME_TOPIC_BONUS);
    const ranked = [...scores].filter(([, s]) => s >= 2).sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, MAX_RELATED);
    // An entry with nothing in common with others still gets its topic neighbours.
    const fallback = ranked.length ? [] : entries.map((e, j) => [j, e] as const).filter(([j, e]) => j !== i && e.topic === entry.topic).slice(0, 2).map(([j]) => [j, 0] as [number, number]);
    related.set(entry.id, [...ranked, ...fallback].map(([j]) => entries[j]!.id));
  });
  return related;
}
