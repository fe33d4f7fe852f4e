/**
 * Permalinks that last. An entry's id (its anchor) is kept in a committed map (sources/entry-ids.json) together
 * with the question instances it held. On every run each entry takes the id of the recorded entry it shares
 * the most instances with, so the id survives new sources, reordered sources, corrected wordings and changes
 * to the entries around it. When entries merge, the ids they had become aliases of the surviving one; when an
 * entry splits, the part keeping most instances keeps the id (on a tie, the part asking the question the id was
 * named after) and the rest get new ones. Only entries that
 * match nothing get a new id (from their wording), unless a question of theirs once had an id of its own that
 * retired into a merge: then they take it back.
 */
import type { BuiltEntry } from './build.ts';
import type { IdMap } from '../read/id-map.ts';
import type { Variant } from '../clean/types.ts';
import { normaliseWording as wording, slugify } from '../text/slug.ts';

export const instanceKey = (v: Pick<Variant, 'source' | 'line' | 'question'>) => `${v.source}:${v.line}:${wording(v.question)}`;

interface Recorded {
  source: string;
  line: number;
  words: string;
  /** The distinct words of the wording. */
  wordSet: Set<string>;
}

function parseKey(key: string): Recorded {
  const [source, line, ...rest] = key.split(':');
  const words = rest.join(':');
  return { source: source!, line: Number(line), words, wordSet: new Set(words.split(' ')) };
}

/** How strongly a recorded instance is the same as a current one (its wording `words`): same wording, else same place, else similar wording. */
function sameInstance(recorded: Recorded, variant: Variant, words: string): number {
  if (recorded.source !== variant.source) return 0;
  if (recorded.words === words) return 3;
  if (recorded.line === variant.line) return 2;
  const a = recorded.wordSet;
  const b = words.split(' ');
  const shared = b.filter((w) => a.has(w)).length;
  return shared / Math.max(a.size, b.length) >= 0.8 ? 1 : 0;
}

/** An entry with its lasting id (its anchor). */
export interface IdentifiedEntry extends BuiltEntry {
  readonly id: string;
}

export interface AssignedIds {
  /** The entries, each with its lasting id. */
  entries: IdentifiedEntry[];
  /** The map to commit: the ids as they are now, and every id ever retired. */
  map: IdMap;
  /** Retired ids that land on each entry, for anchors on its page. */
  aliasesOf: Map<string, string[]>;
}

/** Recorded instances by source, so matching costs what one source holds, not everything ever recorded. */
function indexRecorded(previous: IdMap): Map<string, (Recorded & { id: string })[]> {
  const recorded = Object.entries(previous.entries).flatMap(([id, keys]) => keys.map((key) => ({ ...parseKey(key), id })));
  return Map.groupBy(recorded, (r) => r.source);
}

/** Recorded ids a variant continues, with how strongly. */
function matchesOf(variant: Variant, bySource: ReturnType<typeof indexRecorded>): Map<string, number> {
  const scores = new Map<string, number>();
  const words = wording(variant.question);
  for (const r of bySource.get(variant.source) ?? []) {
    const score = sameInstance(r, variant, words);
    if (score > (scores.get(r.id) ?? 0)) scores.set(r.id, score);
  }
  return scores;
}

/**
 * 1 when the entry asks the question the id was named after: when an entry splits into equal parts, the id
 * stays with that part ("what-is-lora-and-qlora" with "What is LoRA and QLoRA?"), not with whichever comes first.
 */
const namedAfter = (entry: BuiltEntry, id: string, slugOf: (question: string) => string) => (entry.variants.some((v) => slugOf(v.question) === id.replace(/-\d+$/, '')) ? 1 : 0);

/** `pinned`: the id an entry holding one of these questions must have, whatever it held (an editors' question: its file's name). */
export function assignIds(built: readonly BuiltEntry[], previous: IdMap, pinned: ReadonlyMap<Variant, string> = new Map()): AssignedIds {
  // Each question's slug, worked out once: ids are matched against it many times over.
  const slugs = new Map<string, string>();
  const slugOf = (question: string) => slugs.get(question) ?? slugs.set(question, slugify(question)).get(question)!;
  const bySource = indexRecorded(previous);
  const recorded = Object.keys(previous.entries);
  // Score every (entry, recorded id) pair that shares an instance; the strongest claims are settled first.
  const claims: { entry: number; id: string; score: number; namedAfter: number }[] = [];
  const matched = built.map((entry) => entry.variants.map((v) => matchesOf(v, bySource)));
  matched.forEach((perVariant, e) => {
    const total = new Map<string, number>();
    for (const scores of perVariant) for (const [id, score] of scores) total.set(id, (total.get(id) ?? 0) + score);
    for (const [id, score] of total) claims.push({ entry: e, id, score, namedAfter: namedAfter(built[e]!, id, slugOf) });
  });
  claims.sort((a, b) => b.score - a.score || b.namedAfter - a.namedAfter || a.id.localeCompare(b.id) || a.entry - b.entry);
  const idOf = new Map<number, string>();
  const taken = new Set<string>();
  built.forEach((entry, e) => {
    const id = entry.variants.map((v) => pinned.get(v)).find(Boolean);
    if (id === undefined) return;
    idOf.set(e, id);
    taken.add(id);
  });
  for (const claim of claims) {
    if (idOf.has(claim.entry) || taken.has(claim.id)) continue;
    idOf.set(claim.entry, claim.id);
    taken.add(claim.id);
  }
  // Every id ever used stays reserved, so a new entry never takes over an old link...
  const reserved = new Set([...Object.keys(previous.entries), ...Object.keys(previous.aliases)]);
  // ...except that a question which leaves the entry it had merged into takes back the id named after it: the
  // old link meant that question. Only the question itself, as recorded in that entry, not another source's
  // question that happens to have the same wording.
  const retiredNamedAfter = (entry: BuiltEntry) =>
    Object.entries(previous.aliases).find(
      ([id, heir]) => !taken.has(id) && entry.variants.some((v) => slugOf(v.question) === id && (previous.entries[heir] ?? []).includes(instanceKey(v))),
    )?.[0];
  built.forEach((entry, e) => {
    if (idOf.has(e)) return;
    const revived = retiredNamedAfter(entry);
    if (revived) {
      idOf.set(e, revived);
      taken.add(revived);
      return;
    }
    const base = slugify(entry.question);
    let id = base;
    for (let n = 2; reserved.has(id) || taken.has(id); n++) id = `${base}-${n}`;
    idOf.set(e, id);
    taken.add(id);
  });

  const aliases: Record<string, string> = { ...previous.aliases };
  // An id no entry kept (its entry merged into another) now points where most of its instances went.
  for (const id of recorded) {
    if (taken.has(id)) continue;
    const heir = matched.findIndex((perVariant) => perVariant.some((scores) => scores.has(id)));
    if (heir !== -1) aliases[id] = idOf.get(heir)!;
  }
  // An id named after a question that has since moved to another entry follows the question, when the question
  // was already on the site (a new source's question with the same wording never takes over an old link).
  const onSite = new Set(Object.values(previous.entries).flat());
  const holdersBySlug = new Map<string, Set<number>>();
  built.forEach((entry, e) => {
    for (const v of entry.variants) {
      if (!onSite.has(instanceKey(v))) continue;
      const slug = slugOf(v.question);
      holdersBySlug.set(slug, (holdersBySlug.get(slug) ?? new Set()).add(e));
    }
  });
  for (const from of Object.keys(aliases)) {
    const holders = holdersBySlug.get(from);
    if (holders?.size === 1) aliases[from] = idOf.get([...holders][0]!)!;
  }
  // Follow chains (a → b, b → c) to the id in use now.
  for (const from of Object.keys(aliases)) {
    if (taken.has(from)) {
      delete aliases[from];
      continue;
    }
    const seen = new Set<string>([from]);
    let to = aliases[from]!;
    while (aliases[to] && !seen.has(to)) {
      seen.add(to);
      to = aliases[to]!;
    }
    if (taken.has(to) && to !== from) aliases[from] = to;
    else delete aliases[from];
  }

  const entries = built.map((entry, e): IdentifiedEntry => ({ ...entry, id: idOf.get(e)! }));
  const sortedEntries = Object.fromEntries(
    entries.map((entry) => [entry.id, entry.variants.map(instanceKey)] as const).sort((a, b) => a[0].localeCompare(b[0])),
  );
  const sortedAliases = Object.fromEntries(Object.entries(aliases).sort((a, b) => a[0].localeCompare(b[0])));
  const aliasesOf = new Map<string, string[]>();
  for (const [from, to] of Object.entries(sortedAliases)) aliasesOf.set(to, [...(aliasesOf.get(to) ?? []), from]);
  return {
    entries,
    map: {
      $comment: 'Entry ids (URL anchors) and the question instances they hold, kept so links last. Written by npm run ingest; commit it.',
      entries: sortedEntries,
      aliases: sortedAliases,
    },
    aliasesOf,
  };
}
