/**
 * What "learned" means, for the study page and the topic pages alike: a card is learned once it has left the
 * learning steps, not as soon as it was seen. Cards are rated with the study page's own scheduler, so their
 * states are the ones FSRS gives.
 */
import { Rating, State } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { applyKnownMarks, rate } from '../../src/study/schedule.ts';
import { countStatuses, describeCounts, REVIEW_STATE, statusOf } from '../../src/study/status.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const morning = new Date('2025-03-10T09:00:00Z');
const at = (ms: number) => new Date(morning.getTime() + ms);
/** Just after a rating: the card is not due again yet. */
const justAfter = (ms = 0) => morning.getTime() + ms + 1000;

describe('the status of an entry', () => {
  it('is new before it is studied or marked', () => {
    expect(statusOf(undefined, justAfter())).toBe('new');
    expect(statusOf({}, justAfter())).toBe('new');
  });

  it('is in learning, not learned, after Again on a new card', () => {
    expect(statusOf(rate(undefined, Rating.Again, morning), justAfter())).toBe('learning');
  });

  it('is in learning, not learned, after one Good: the card comes back in ten minutes', () => {
    const good = rate(undefined, Rating.Good, morning);
    expect(new Date(good.card!.due).getTime() - morning.getTime()).toBe(10 * MINUTE);
    expect(statusOf(good, justAfter())).toBe('learning');
  });

  it('is due when a card in learning comes back, and learned once Good takes it out of the learning steps', () => {
    const first = rate(undefined, Rating.Good, morning);
    expect(statusOf(first, at(10 * MINUTE).getTime())).toBe('due');
    const graduated = rate(first, Rating.Good, at(10 * MINUTE));
    expect(statusOf(graduated, justAfter(10 * MINUTE))).toBe('learned');
    expect(statusOf(graduated, at(10 * MINUTE + DAY / 2).getTime())).toBe('learned');
  });

  it('is learned at once after Easy on a new card, which skips the learning steps', () => {
    expect(statusOf(rate(undefined, Rating.Easy, morning), justAfter())).toBe('learned');
  });

  it('is due again when a learned card falls due', () => {
    const easy = rate(undefined, Rating.Easy, morning);
    expect(statusOf(easy, Date.parse(easy.card!.due))).toBe('due');
  });

  it('is in learning again after a lapse: a learned card forgotten (Again) relearns before it counts as learned', () => {
    const easy = rate(undefined, Rating.Easy, morning);
    const reviewDay = new Date(easy.card!.due);
    const lapsed = rate(easy, Rating.Again, reviewDay);
    expect(lapsed.card!.state).toBe(State.Relearning);
    expect(statusOf(lapsed, reviewDay.getTime() + 1000)).toBe('learning');
    const relearned = rate(lapsed, Rating.Good, new Date(lapsed.card!.due));
    expect(statusOf(relearned, Date.parse(lapsed.card!.due) + 1000)).toBe('learned');
  });

  it('is learned when marked known on a topic page, before and after the study page turns the mark into a review', () => {
    const marked = { mark: { kind: 'known' as const, at: morning.toISOString() } };
    expect(statusOf(marked, justAfter())).toBe('learned');
    // Marked known while still in learning: the Easy review takes it out of the learning steps.
    const learning = { ...rate(undefined, Rating.Again, morning), mark: { kind: 'known' as const, at: at(MINUTE / 2).toISOString() } };
    const applied = applyKnownMarks({ fresh: marked, learning });
    expect(statusOf(applied.fresh, justAfter())).toBe('learned');
    expect(statusOf(applied.learning, justAfter(MINUTE))).toBe('learned');
  });

  it('is due when marked to review later, whatever its card says', () => {
    const easy = rate(undefined, Rating.Easy, morning);
    expect(statusOf({ ...easy, mark: { kind: 'later', at: morning.toISOString() } }, justAfter())).toBe('due');
  });

  it('reads the review state as ts-fsrs numbers it', () => {
    expect(REVIEW_STATE).toBe(State.Review);
  });
});

describe('the counts both pages show', () => {
  it('count each entry once, by its status, and never an entry id that is one of Object’s own properties', () => {
    const cards = {
      again: rate(undefined, Rating.Again, morning),
      good: rate(undefined, Rating.Good, morning),
      easy: rate(undefined, Rating.Easy, morning),
      later: { mark: { kind: 'later' as const, at: morning.toISOString() } },
    };
    const counts = countStatuses(['again', 'good', 'easy', 'later', 'unseen', 'constructor'], cards, justAfter());
    expect(counts).toEqual({ new: 2, learning: 2, due: 1, learned: 1 });
    expect(describeCounts(counts)).toBe('2 new, 2 in learning, 1 due, 1 learned');
  });
});
