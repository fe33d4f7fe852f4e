/**
 * Groups the variants that ask the same question into entries. Each variant gets a key from its subject
 * concepts and question kind; variants with equal keys form one entry. Equal keys are an equivalence, so
 * grouping never chains (A~B and B~C cannot pull A and C together unless A~C), and it runs in linear time.
 */
import type { Variant } from '../model.ts';
import type { ConceptIndex } from './concepts.ts';
import { type Subject, subjectKey, subjectOf } from './subject.ts';

export interface Group {
  key: string;
  subject: Subject;
  variants: Variant[];
}

export function groupVariants(variants: Variant[], index: ConceptIndex, isRare?: (word: string) => boolean): Group[] {
  const groups = new Map<string, Group>();
  for (const variant of variants) {
    const subject = subjectOf(variant.question, index, isRare);
    const key = subjectKey(subject, variant.question);
    const group = groups.get(key);
    if (group) group.variants.push(variant);
    else groups.set(key, { key, subject, variants: [variant] });
  }
  return [...groups.values()];
}
