/**
 * When a card comes back, by FSRS (ts-fsrs, the implementation by the group that wrote the algorithm Anki
 * uses). Cards are stored as plain JSON (progress.ts); this module turns them into ts-fsrs cards and back.
 */
import { createEmptyCard, fsrs, type Card, type Grade, Rating } from 'ts-fsrs';
import type { ProgressRecord, StoredCard } from './progress.ts';

/**
 * Anki's defaults: 90% retention, learning steps of 1 and 10 minutes, and fuzz, which spreads cards learned
 * together over nearby days (ts-fsrs seeds it from the card and the review time, so it is reproducible).
 */
const scheduler = fsrs({ request_retention: 0.9, enable_fuzz: true, enable_short_term: true, learning_steps: ['1m', '10m'], relearning_steps: ['10m'] });

export interface RatingChoice {
  grade: Grade;
  label: 'Again' | 'Hard' | 'Good' | 'Easy';
  /** The key that rates with it. */
  key: '1' | '2' | '3' | '4';
}

export const RATINGS: readonly RatingChoice[] = [
  { grade: Rating.Again, label: 'Again', key: '1' },
  { grade: Rating.Hard, label: 'Hard', key: '2' },
  { grade: Rating.Good, label: 'Good', key: '3' },
  { grade: Rating.Easy, label: 'Easy', key: '4' },
];

function toCard(stored: StoredCard): Card {
  return { ...stored, due: new Date(stored.due), last_review: stored.last_review ? new Date(stored.last_review) : undefined };
}

function toStored(card: Card): StoredCard {
  const { due, last_review, ...rest } = card;
  return { ...rest, state: rest.state as StoredCard['state'], due: due.toISOString(), ...(last_review ? { last_review: last_review.toISOString() } : {}) };
}

function cardOf(record: ProgressRecord | undefined, now: Date): Card {
  return record?.card ? toCard(record.card) : createEmptyCard(now);
}

/** When the card would come back after each rating, for the labels of the rating buttons. */
export function previewDue(record: ProgressRecord | undefined, now: Date): Map<Grade, Date> {
  const preview = scheduler.repeat(cardOf(record, now), now);
  return new Map(RATINGS.map(({ grade }) => [grade, preview[grade].card.due]));
}

/** The record after rating the card now. A first rating marks the card introduced today; a rating clears any mark. */
export function rate(record: ProgressRecord | undefined, grade: Grade, now: Date): ProgressRecord {
  const { card } = scheduler.next(cardOf(record, now), now, grade);
  const { mark: _cleared, ...rest } = record ?? {};
  return { ...rest, card: toStored(card), introduced: record?.introduced ?? (record?.card ? undefined : now.toISOString()) };
}

/**
 * A "known" mark from a topic page becomes a real review: the card rated Easy at the time of the mark, so FSRS
 * schedules it as a card that was known then. "Review later" marks stay until the card is studied.
 */
export function applyKnownMarks(cards: Record<string, ProgressRecord>): Record<string, ProgressRecord> {
  return Object.fromEntries(
    Object.entries(cards).map(([id, record]) => {
      if (record.mark?.kind !== 'known') return [id, record];
      const at = new Date(record.mark.at);
      const { card } = scheduler.next(cardOf(record, at), at, Rating.Easy);
      const { mark: _applied, ...rest } = record;
      return [id, { ...rest, card: toStored(card) }];
    }),
  );
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How long until `due`, as the rating buttons say it: "1 min", "10 min", "3 h", "4 days", "2 mo", "1.5 yr". */
export function formatInterval(now: Date, due: Date): string {
  const ms = Math.max(0, due.getTime() - now.getTime());
  if (ms < HOUR) return `${Math.max(1, Math.round(ms / MINUTE))} min`;
  if (ms < DAY) return `${Math.round(ms / HOUR)} h`;
  const days = Math.round(ms / DAY);
  if (days < 31) return days === 1 ? '1 day' : `${days} days`;
  if (days < 365) return `${Math.round(days / 30.4)} mo`;
  return `${(days / 365).toFixed(1).replace(/\.0$/, '')} yr`;
}
