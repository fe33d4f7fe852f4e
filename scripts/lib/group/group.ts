/** What the grouping passes hand each other: groups of variants, and the editors' pairs kept apart. */
import type { Variant } from '../clean/types.ts';
import type { Subject } from './subject.ts';

export interface Group {
  key: string;
  subject: Subject;
  variants: Variant[];
  /** Split off by the editors (curation `split`): the attach pass leaves it its own entry. */
  settled?: boolean;
}

/** Whether the editors keep two questions apart (curation `apart`). */
export type KeptApart = (a: Variant, b: Variant) => boolean;

/** The groups a pass put in one entry, as one group: the first one's subject, every key and variant. */
export function oneGroup(groups: readonly Group[]): Group {
  return groups.length === 1 ? groups[0]! : { key: groups.map((g) => g.key).join('|'), subject: groups[0]!.subject, variants: groups.flatMap((g) => g.variants) };
}
