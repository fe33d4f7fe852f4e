import { Rating } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { emptyProgress, exportProgress, followAliases, loadProgress, readProgress, saveProgress } from '../../src/study/progress.ts';
import { rate } from '../../src/study/schedule.ts';
import { STORE_KEY, UNREADABLE_KEY } from '../../src/study/status.ts';

class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, String(value));
  }
}

const now = new Date('2025-03-10T09:00:00Z');
const studied = () => {
  const progress = emptyProgress();
  progress.cards['what-is-multi-head-attention-and-why-is-it-useful'] = rate(undefined, Rating.Good, now);
  progress.cards['what-is-lora-and-qlora'] = { mark: { kind: 'later', at: now.toISOString() } };
  progress.settings = { newPerDay: 7, selection: 'topics', topics: ['attention'] };
  return progress;
};

describe('progress kept in the browser', () => {
  it('starts empty when nothing is saved', () => {
    expect(readProgress(null)).toEqual({ ok: true, progress: emptyProgress() });
  });

  it('reads back exactly what it exported', () => {
    const progress = studied();
    expect(readProgress(exportProgress(progress))).toEqual({ ok: true, progress });
  });

  it('says why a store cannot be read: not JSON, another version, or not progress', () => {
    expect(readProgress('{"version":1,"cards":')).toEqual({ ok: false, problem: 'it is not valid JSON' });
    const older = readProgress('{"version":0,"cards":{}}');
    expect(older.ok === false && older.problem).toMatch(/older version/);
    const broken = readProgress(JSON.stringify({ ...studied(), cards: { x: { card: { due: 'tomorrow' } } } }));
    expect(broken.ok === false && broken.problem).toMatch(/^it is not study progress .* at cards\.x\.card\.due/);
    expect(readProgress('[1,2,3]').ok).toBe(false);
  });

  it('resets a corrupted store, keeps the unreadable text aside, and reports it', () => {
    const storage = new MemoryStorage();
    storage.setItem(STORE_KEY, '{"version":1,"cards":{"a":{"card":{"due":42}}}}');
    const loaded = loadProgress(storage);
    expect(loaded.problem).toMatch(/not study progress/);
    expect(loaded.progress).toEqual(emptyProgress());
    expect(storage.getItem(UNREADABLE_KEY)).toBe('{"version":1,"cards":{"a":{"card":{"due":42}}}}');
    expect(JSON.parse(storage.getItem(STORE_KEY)!)).toEqual(emptyProgress());
    expect(loadProgress(storage).problem).toBeUndefined();
  });

  it('survives a save and a load unchanged', () => {
    const storage = new MemoryStorage();
    saveProgress(storage, studied());
    expect(loadProgress(storage)).toEqual({ progress: studied() });
  });

  it('moves the progress of an entry that was merged into another to the surviving id', () => {
    const progress = studied();
    const moved = followAliases(progress, { 'what-is-multi-head-attention-and-why-is-it-useful': 'multi-head-attention-explained' });
    expect(Object.keys(moved.cards).sort()).toEqual(['multi-head-attention-explained', 'what-is-lora-and-qlora']);
    expect(moved.cards['multi-head-attention-explained']).toEqual(progress.cards['what-is-multi-head-attention-and-why-is-it-useful']);
  });

  it('keeps the more recently studied record when both the retired and the surviving id have progress', () => {
    const progress = emptyProgress();
    const older = rate(undefined, Rating.Again, now);
    const newer = rate(undefined, Rating.Easy, new Date(now.getTime() + 86_400_000));
    progress.cards = { old: newer, current: older };
    expect(followAliases(progress, { old: 'current' }).cards).toEqual({ current: newer });
  });
});
