/**
 * Progress kept in the browser: one record per entry, keyed by the entry's permanent id, plus the study
 * settings. Everything read back (from localStorage or an imported file) is validated; a store that does not
 * validate is reported, set aside under its own key and replaced by an empty one, so the page keeps working.
 */
import * as z from 'zod/mini';
import { DEFAULT_SETTINGS, STORE_KEY, STORE_VERSION, UNREADABLE_KEY, recordOf } from './status.ts';

const isoTime = z.iso.datetime({ offset: true });
const count = z.int().check(z.nonnegative());

/** An FSRS card as ts-fsrs describes it, with its dates as ISO strings. */
const StoredCardSchema = z.object({
  due: isoTime,
  stability: z.number().check(z.nonnegative()),
  difficulty: z.number().check(z.nonnegative()),
  elapsed_days: z.number().check(z.nonnegative()),
  scheduled_days: z.number().check(z.nonnegative()),
  learning_steps: count,
  reps: count,
  lapses: count,
  /** New, Learning, Review, Relearning. */
  state: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
  last_review: z.optional(isoTime),
});

const ProgressRecordSchema = z.object({
  card: z.optional(StoredCardSchema),
  /** When the entry was first studied: counts against that day's limit of new cards. */
  introduced: z.optional(isoTime),
  mark: z.optional(z.object({ kind: z.enum(['known', 'later']), at: isoTime })),
});

export const ProgressSchema = z.object({
  version: z.literal(STORE_VERSION),
  settings: z.object({
    newPerDay: z.int().check(z.minimum(0), z.maximum(1000)),
    selection: z.enum(['all', 'topics', 'most-asked']),
    topics: z.array(z.string()),
  }),
  cards: z.record(z.string(), ProgressRecordSchema),
});

export type Progress = z.infer<typeof ProgressSchema>;
export type ProgressRecord = z.infer<typeof ProgressRecordSchema>;
export type StoredCard = z.infer<typeof StoredCardSchema>;

export function emptyProgress(): Progress {
  return { version: STORE_VERSION, settings: { ...DEFAULT_SETTINGS, topics: [] }, cards: {} };
}

export type ReadResult = { ok: true; progress: Progress } | { ok: false; problem: string };

/** Progress from its JSON text: nothing stored is an empty progress; anything unreadable says why. */
export function readProgress(text: string | null): ReadResult {
  if (text === null || text.trim() === '') return { ok: true, progress: emptyProgress() };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'it is not valid JSON' };
  }
  const version = (data as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version !== STORE_VERSION) {
    return { ok: false, problem: `it was written by ${version < STORE_VERSION ? 'an older' : 'a newer'} version of this page (format ${version}, this page reads format ${STORE_VERSION})` };
  }
  const parsed = ProgressSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? ` at ${issue.path.map(String).join('.')}` : '';
    return { ok: false, problem: `it is not study progress (${issue.message}${where})` };
  }
  return { ok: true, progress: parsed.data };
}

export interface Loaded {
  progress: Progress;
  /** Set when the saved progress could not be read and was reset. */
  problem?: string;
}

/** Reads the saved progress; an unreadable store is kept under UNREADABLE_KEY and replaced by an empty one. */
export function loadProgress(storage: Storage): Loaded {
  const text = storage.getItem(STORE_KEY);
  const result = readProgress(text);
  if (result.ok) return { progress: result.progress };
  const progress = emptyProgress();
  storage.setItem(UNREADABLE_KEY, text ?? '');
  saveProgress(storage, progress);
  return { progress, problem: result.problem };
}

export function saveProgress(storage: Storage, progress: Progress): void {
  storage.setItem(STORE_KEY, JSON.stringify(progress));
}

/**
 * Reads, changes and writes the store in one step, so a mark set on a topic page in another tab since this page
 * loaded is not overwritten.
 */
export function updateProgress(storage: Storage, change: (progress: Progress) => Progress): Loaded {
  const loaded = loadProgress(storage);
  const progress = change(loaded.progress);
  saveProgress(storage, progress);
  return { ...loaded, progress };
}

/** The file a person downloads to move their progress to another browser. */
export function exportProgress(progress: Progress): string {
  return `${JSON.stringify(progress, null, 2)}\n`;
}

/** When the record was last touched: its last review, else its mark. */
function lastActivity(record: ProgressRecord): number {
  return Math.max(Date.parse(record.card?.last_review ?? '') || 0, Date.parse(record.mark?.at ?? '') || 0);
}

/**
 * Moves the progress of retired ids (entries merged into another since it was saved) to the id that replaced
 * them. Where both have progress, the one studied more recently is kept.
 */
export function followAliases(progress: Progress, aliases: Record<string, string>): Progress {
  const cards: Progress['cards'] = {};
  const entries = Object.entries(progress.cards).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [id, record] of entries) {
    const current = recordOf(aliases, id) ?? id;
    const kept = recordOf(cards, current);
    if (!kept || lastActivity(record) > lastActivity(kept)) cards[current] = record;
  }
  return { ...progress, cards };
}
