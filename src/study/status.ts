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

/**
 * The FSRS state a stored card is in (ts-fsrs `State`): 0 new, 1 in its learning steps, 2 in review (it has
 * graduated), 3 relearning after a lapse. Copied here so the topic pages need not load ts-fsrs; a unit test
 * checks it against ts-fsrs.
 */
export const REVIEW_STATE = 2;

/** The part of an entry's saved progress that its status depends on. */
export interface StatusRecord {
  card?: { due: string; state?: number };
  mark?: Mark;
}

export type Status = 'new' | 'learning' | 'due' | 'learned';

/**
 * New: never studied nor marked. Due: its time has come (in review or in learning), or it was marked "review
 * later". Learning: studied but still in the learning steps (minutes apart), or relearning after a lapse: a card
 * forgotten is not learned until it is recalled again. Learned: out of the learning steps (FSRS review state)
 * and not due yet, or marked known (the study page turns that mark into an Easy review, which is review state).
 */
export function statusOf(record: StatusRecord | undefined, now: number): Status {
  if (record?.mark?.kind === 'later') return 'due';
  if (record?.mark?.kind === 'known') return 'learned';
  if (!record?.card) return 'new';
  if (Date.parse(record.card.due) <= now) return 'due';
  return record.card.state === REVIEW_STATE ? 'learned' : 'learning';
}

export interface StatusCounts {
  new: number;
  learning: number;
  due: number;
  learned: number;
}

/** An entry's record, never one of Object's own properties (an entry id could be "constructor"). */
export function recordOf<T>(cards: Record<string, T>, id: string): T | undefined {
  return Object.hasOwn(cards, id) ? cards[id] : undefined;
}

/** The counts of the entries `ids` by status: the study page and the topic pages both count with this. */
export function countStatuses(ids: Iterable<string>, cards: Record<string, StatusRecord>, now: number): StatusCounts {
  const counts: StatusCounts = { new: 0, learning: 0, due: 0, learned: 0 };
  for (const id of ids) counts[statusOf(recordOf(cards, id), now)] += 1;
  return counts;
}

/** The counts as both pages write them: "12 new, 1 in learning, 2 due, 3 learned". */
export function describeCounts(counts: StatusCounts): string {
  return `${counts.new} new, ${counts.learning} in learning, ${counts.due} due, ${counts.learned} learned`;
}
