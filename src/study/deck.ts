/**
 * What to study and in which order: the entries chosen (all, some topics, or the most-asked), then, card by
 * card, what is due first, new cards up to the day's limit, and cards in learning a little early.
 */
import type { Progress, ProgressRecord } from './progress.ts';
import { recordOf, REVIEW_STATE, type StudySettings } from './status.ts';

export interface StudyEntry {
  id: string;
  topic: string;
  /** How many sources ask it. */
  asked: number;
}

/** "Most-asked": asked by at least this many sources. */
export const MOST_ASKED_SOURCES = 2;

/**
 * Anki's "learn ahead limit": when nothing is due, a card in learning due within this time is shown now
 * rather than making the person wait.
 */
export const LEARN_AHEAD_MS = 20 * 60_000;

export function selectDeck(entries: readonly StudyEntry[], settings: Pick<StudySettings, 'selection' | 'topics'>): StudyEntry[] {
  switch (settings.selection) {
    case 'all':
      return [...entries];
    case 'topics':
      return entries.filter((e) => settings.topics.includes(e.topic));
    case 'most-asked':
      return entries.filter((e) => e.asked >= MOST_ASKED_SOURCES);
  }
}

/** Local midnight of `now`: a study day is a calendar day in the person's time zone. */
export function startOfDay(now: Date): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate());
}

/** New cards first studied today, in any deck: the daily limit is for the person, not per selection. */
export function introducedToday(cards: Progress['cards'], now: Date): number {
  const start = startOfDay(now);
  const end = new Date(start.getFullYear(), start.getMonth(), start.getDate() + 1).getTime();
  // Up to the end of the day, not up to now: progress imported from a browser whose clock runs ahead still counts.
  return Object.values(cards).filter((r) => r.introduced && Date.parse(r.introduced) >= start.getTime() && Date.parse(r.introduced) < end).length;
}

export type Reason = 'later' | 'due' | 'new' | 'ahead';

export interface NextCard {
  entry: StudyEntry;
  /** Why it is shown now: marked "review later", due, new, or in learning and due within a few minutes. */
  reason: Reason;
}

const dueOf = (record: ProgressRecord | undefined) => (record?.card ? Date.parse(record.card.due) : Number.POSITIVE_INFINITY);

/**
 * The card to show now: "review later" marks first, then due cards (most overdue first), then new cards in the
 * deck's order while today's limit allows, then a card in learning due within LEARN_AHEAD_MS. None when the
 * day's study is done.
 */
export function nextCard(deck: readonly StudyEntry[], progress: Progress, now: Date): NextCard | undefined {
  const t = now.getTime();
  const record = (e: StudyEntry) => recordOf(progress.cards, e.id);
  const later = deck
    .filter((e) => record(e)?.mark?.kind === 'later')
    .sort((a, b) => Date.parse(record(a)!.mark!.at) - Date.parse(record(b)!.mark!.at))[0];
  if (later) return { entry: later, reason: 'later' };
  const due = deck.filter((e) => dueOf(record(e)) <= t).sort((a, b) => dueOf(record(a)) - dueOf(record(b)))[0];
  if (due) return { entry: due, reason: 'due' };
  if (introducedToday(progress.cards, now) < progress.settings.newPerDay) {
    const fresh = deck.find((e) => !record(e)?.card);
    if (fresh) return { entry: fresh, reason: 'new' };
  }
  const ahead = deck
    .filter((e) => {
      const r = record(e);
      return r?.card && r.card.state !== REVIEW_STATE && dueOf(r) <= t + LEARN_AHEAD_MS;
    })
    .sort((a, b) => dueOf(record(a)) - dueOf(record(b)))[0];
  return ahead ? { entry: ahead, reason: 'ahead' } : undefined;
}

/** When the next card of the deck falls due after now (for "come back at …"); none if nothing was studied. */
export function nextDueAfter(deck: readonly StudyEntry[], progress: Progress, now: Date): Date | undefined {
  const times = deck.map((e) => dueOf(recordOf(progress.cards, e.id))).filter((d) => d > now.getTime() && Number.isFinite(d));
  return times.length ? new Date(Math.min(...times)) : undefined;
}

/** New cards still to be introduced today in this deck. */
export function newLeftToday(deck: readonly StudyEntry[], progress: Progress, now: Date): number {
  const allowed = Math.max(0, progress.settings.newPerDay - introducedToday(progress.cards, now));
  return Math.min(allowed, deck.filter((e) => !recordOf(progress.cards, e.id)?.card && recordOf(progress.cards, e.id)?.mark?.kind !== 'later').length);
}
