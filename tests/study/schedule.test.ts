import { Rating } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { applyKnownMarks, formatInterval, previewDue, rate } from '../../src/study/schedule.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const now = new Date('2025-03-10T09:00:00Z');
const after = (due: string | Date) => new Date(due).getTime() - now.getTime();

describe('scheduling with FSRS', () => {
  it('brings a new card back after the learning steps: Again in 1 minute, Good in 10, Easy days later', () => {
    expect(after(rate(undefined, Rating.Again, now).card!.due)).toBe(MINUTE);
    expect(after(rate(undefined, Rating.Good, now).card!.due)).toBe(10 * MINUTE);
    const hard = after(rate(undefined, Rating.Hard, now).card!.due);
    expect(hard).toBeGreaterThan(MINUTE);
    expect(hard).toBeLessThan(10 * MINUTE);
    expect(after(rate(undefined, Rating.Easy, now).card!.due)).toBeGreaterThanOrEqual(DAY);
  });

  it('sends a card that graduated with Good a day or more away, and further each time it is recalled', () => {
    const first = rate(undefined, Rating.Good, now);
    const tenLater = new Date(now.getTime() + 10 * MINUTE);
    const graduated = rate(first, Rating.Good, tenLater);
    const interval1 = new Date(graduated.card!.due).getTime() - tenLater.getTime();
    expect(interval1).toBeGreaterThanOrEqual(DAY);
    const reviewDay = new Date(graduated.card!.due);
    const reviewed = rate(graduated, Rating.Good, reviewDay);
    expect(new Date(reviewed.card!.due).getTime() - reviewDay.getTime()).toBeGreaterThan(interval1);
    expect(reviewed.card!.reps).toBe(3);
  });

  it('shows on each rating button the time the rating then gives', () => {
    const record = rate(undefined, Rating.Good, now);
    const later = new Date(now.getTime() + 10 * MINUTE);
    const preview = previewDue(record, later);
    for (const grade of [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy] as const) {
      expect(preview.get(grade)!.toISOString()).toBe(rate(record, grade, later).card!.due);
    }
  });

  it('counts a card as introduced on its first rating only, and clears any mark', () => {
    const first = rate({ mark: { kind: 'later', at: now.toISOString() } }, Rating.Again, now);
    expect(first.introduced).toBe(now.toISOString());
    expect(first.mark).toBeUndefined();
    const second = rate(first, Rating.Good, new Date(now.getTime() + DAY));
    expect(second.introduced).toBe(now.toISOString());
  });

  it('turns "mark as known" into an Easy review at the time of the mark, and leaves "review later" marks', () => {
    const at = now.toISOString();
    const cards = applyKnownMarks({ a: { mark: { kind: 'known', at } }, b: { mark: { kind: 'later', at } } });
    expect(cards.a!.mark).toBeUndefined();
    expect(cards.a!.card!.last_review).toBe(at);
    expect(after(cards.a!.card!.due)).toBeGreaterThanOrEqual(DAY);
    expect(cards.a!.introduced).toBeUndefined();
    expect(cards.b).toEqual({ mark: { kind: 'later', at } });
  });

  it('says intervals the way the buttons show them', () => {
    const at = (ms: number) => new Date(now.getTime() + ms);
    expect(formatInterval(now, at(20_000))).toBe('1 min');
    expect(formatInterval(now, at(10 * MINUTE))).toBe('10 min');
    expect(formatInterval(now, at(3 * 60 * MINUTE))).toBe('3 h');
    expect(formatInterval(now, at(DAY))).toBe('1 day');
    expect(formatInterval(now, at(8 * DAY))).toBe('8 days');
    expect(formatInterval(now, at(61 * DAY))).toBe('2 mo');
    expect(formatInterval(now, at(548 * DAY))).toBe('1.5 yr');
  });
});
