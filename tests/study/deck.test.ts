import { Rating } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { introducedToday, newLeftToday, nextCard, nextDueAfter, selectDeck, type StudyEntry } from '../../src/study/deck.ts';
import { emptyProgress, type Progress } from '../../src/study/progress.ts';
import { rate } from '../../src/study/schedule.ts';

// Entries of the real knowledge base: their ids, topics and how many sources ask them.
const ENTRIES: StudyEntry[] = [
  { id: 'what-is-a-neural-network-in-the-context-of-artificial', topic: 'foundations', asked: 1 },
  { id: 'what-is-multi-head-attention-and-why-is-it-useful', topic: 'attention', asked: 4 },
  { id: 'what-is-the-difference-between-scaled-dot-product-attention-and', topic: 'attention', asked: 1 },
  { id: 'what-is-positional-encoding-and-why-is-it-needed', topic: 'positional-encoding', asked: 4 },
  { id: 'what-is-lora-and-qlora', topic: 'peft', asked: 2 },
  { id: 'what-is-retrieval-augmented-generation-rag', topic: 'rag-prompting', asked: 2 },
];
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const morning = new Date(2025, 2, 10, 9, 0);
const at = (ms: number) => new Date(morning.getTime() + ms);

function withLimit(newPerDay: number, cards: Progress['cards'] = {}): Progress {
  const progress = emptyProgress();
  return { ...progress, settings: { ...progress.settings, newPerDay }, cards };
}

/** Studies the deck as a person would: next card, rate it, until `ratings` run out. */
function study(progress: Progress, deck: StudyEntry[], ratings: Rating[], now: Date): { progress: Progress; shown: string[] } {
  const shown: string[] = [];
  let p = progress;
  for (const grade of ratings) {
    const next = nextCard(deck, p, now)!;
    shown.push(next.entry.id);
    p = { ...p, cards: { ...p.cards, [next.entry.id]: rate(p.cards[next.entry.id], grade as 1 | 2 | 3 | 4, now) } };
  }
  return { progress: p, shown };
}

describe('choosing what to study', () => {
  it('takes all entries, the chosen topics, or those asked by two or more sources', () => {
    expect(selectDeck(ENTRIES, { selection: 'all', topics: [] })).toHaveLength(6);
    expect(selectDeck(ENTRIES, { selection: 'topics', topics: ['attention', 'peft'] }).map((e) => e.id)).toEqual([
      'what-is-multi-head-attention-and-why-is-it-useful',
      'what-is-the-difference-between-scaled-dot-product-attention-and',
      'what-is-lora-and-qlora',
    ]);
    expect(selectDeck(ENTRIES, { selection: 'most-asked', topics: [] }).map((e) => e.id)).toEqual([
      'what-is-multi-head-attention-and-why-is-it-useful',
      'what-is-positional-encoding-and-why-is-it-needed',
      'what-is-lora-and-qlora',
      'what-is-retrieval-augmented-generation-rag',
    ]);
  });
});

describe('the order of cards', () => {
  it('introduces new cards in the deck order up to the daily limit, then stops', () => {
    const { progress, shown } = study(withLimit(3), ENTRIES, [Rating.Easy, Rating.Easy, Rating.Easy], morning);
    expect(shown).toEqual(ENTRIES.slice(0, 3).map((e) => e.id));
    expect(introducedToday(progress.cards, morning)).toBe(3);
    expect(nextCard(ENTRIES, progress, at(MINUTE))).toBeUndefined();
    expect(newLeftToday(ENTRIES, progress, morning)).toBe(0);
  });

  it('shows due cards before new ones, most overdue first', () => {
    const old = withLimit(20, {
      'what-is-retrieval-augmented-generation-rag': rate(undefined, Rating.Good, at(-2 * DAY)),
      'what-is-lora-and-qlora': rate(undefined, Rating.Good, at(-3 * DAY)),
    });
    expect(nextCard(ENTRIES, old, morning)).toEqual({ entry: ENTRIES[4], reason: 'due' });
  });

  it('shows a card marked "review later" first, even when today’s new cards are used up', () => {
    const marked = withLimit(0, { 'what-is-retrieval-augmented-generation-rag': { mark: { kind: 'later', at: morning.toISOString() } } });
    expect(nextCard(ENTRIES, marked, morning)).toEqual({ entry: ENTRIES[5], reason: 'later' });
  });

  it('does not show a card rated Easy again that day, but brings back Again and Good cards once due', () => {
    const deck = ENTRIES.slice(0, 4);
    const { progress } = study(withLimit(4), deck, [Rating.Easy, Rating.Easy, Rating.Again, Rating.Good], morning);
    const seen: string[] = [];
    let p = progress;
    // The rest of the day, every quarter of an hour: rate whatever is shown Good.
    for (let t = 15 * MINUTE; t < 14 * 60 * MINUTE; t += 15 * MINUTE) {
      for (let next = nextCard(deck, p, at(t)); next; next = nextCard(deck, p, at(t))) {
        seen.push(next.entry.id);
        p = { ...p, cards: { ...p.cards, [next.entry.id]: rate(p.cards[next.entry.id], Rating.Good, at(t)) } };
      }
    }
    expect(seen).toContain(deck[2]!.id);
    expect(seen).toContain(deck[3]!.id);
    expect(seen).not.toContain(deck[0]!.id);
    expect(seen).not.toContain(deck[1]!.id);
  });

  it('shows a card in learning a little early when nothing else is left, but not one due in an hour', () => {
    const deck = ENTRIES.slice(0, 1);
    const { progress } = study(withLimit(1), deck, [Rating.Good], morning);
    expect(nextCard(deck, progress, at(MINUTE))).toEqual({ entry: deck[0], reason: 'ahead' });
    const graduated = { ...progress, cards: { [deck[0]!.id]: { ...progress.cards[deck[0]!.id]!, card: { ...progress.cards[deck[0]!.id]!.card!, due: at(60 * MINUTE).toISOString() } } } };
    expect(nextCard(deck, graduated, at(MINUTE))).toBeUndefined();
    expect(nextDueAfter(deck, graduated, at(MINUTE))).toEqual(at(60 * MINUTE));
  });

  it('starts a new day with a new allowance of new cards', () => {
    const { progress } = study(withLimit(2), ENTRIES, [Rating.Easy, Rating.Easy], morning);
    expect(nextCard(ENTRIES, progress, at(60 * MINUTE))).toBeUndefined();
    const tomorrow = new Date(2025, 2, 11, 0, 5);
    expect(nextCard(ENTRIES, progress, tomorrow)).toEqual({ entry: ENTRIES[2], reason: 'new' });
  });
});
