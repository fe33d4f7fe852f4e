/**
 * What the study page and the topic pages both need to know about saved progress, and nothing heavier: the
 * storage key, the default settings, and whether an entry is new, due or learned. The topic pages load this
 * alone (no scheduler, no schema), so it stays free of imports.
 */

/** Where progress is kept in the browser (localStorage). */
export const STORE_KEY = 'kb-study';
/** Where an unreadable store is set aside when it is reset, so nothing is silently destroyed. */
export const UNREADABLE_KEY = 'kb-study-unreadable';
/** Bumped when the stored shape changes; a store of another version is reported and reset. */
export const STORE_VERSION = 1;

export type Selection = 'all' | 'topics' | 'most-asked';

export interface StudySettings {
  /** New cards introduced per day, as in Anki's "new cards/day". */
  newPerDay: number;
  selection: Selection;
  /** The topics studied when `selection` is "topics". */
  topics: string[];
}

export const DEFAULT_SETTINGS: StudySettings = { newPerDay: 20, selection: 'all', topics: [] };

/** A mark set from a topic page: "I know this" or "show me this soon". */
export interface Mark {
  kind: 'known' | 'later';
  /** ISO time of the mark. */
  at: string;
}

/** The part of an entry's saved progress that its status depends on. */
export interface StatusRecord {
  card?: { due: string };
  mark?: Mark;
}

export type Status = 'new' | 'due' | 'learned';

/**
 * New: never studied nor marked. Due: its review time has come, or it was marked "review later". Learned:
 * studied (or marked known) and not yet due again.
 */
export function statusOf(record: StatusRecord | undefined, now: number): Status {
  if (record?.mark?.kind === 'later') return 'due';
  if (record?.mark?.kind === 'known') return 'learned';
  if (!record?.card) return 'new';
  return Date.parse(record.card.due) <= now ? 'due' : 'learned';
}

export interface StatusCounts {
  new: number;
  due: number;
  learned: number;
}

/** An entry's record, never one of Object's own properties (an entry id could be "constructor"). */
export function recordOf<T>(cards: Record<string, T>, id: string): T | undefined {
  return Object.hasOwn(cards, id) ? cards[id] : undefined;
}

export function countStatuses(ids: Iterable<string>, cards: Record<string, StatusRecord>, now: number): StatusCounts {
  const counts: StatusCounts = { new: 0, due: 0, learned: 0 };
  for (const id of ids) counts[statusOf(recordOf(cards, id), now)] += 1;
  return counts;
}
