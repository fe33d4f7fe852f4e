/**
 * `npm run bench:unseen`: how the grouping treats sources nobody tuned it on. Each source of eval/unseen/ was
 * written after the grouping rules were frozen, in a known layout, with no curation of its own: about two
 * thirds rewordings of questions the site already has, one third new questions (some sharing words with an
 * entry but asking something else). eval/unseen/labels.json says, per question, the entry it rewords or null.
 *
 * Prints, per source: rewordings that joined their entry, new questions that got an entry of their own, and
 * whether adding the source changed how the other sources' questions are grouped (it must not).
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readEntryFiles, readIdMap, readManifest, readSources, runPipeline } from '../lib/index.ts';
import { readUnseenSources } from './unseen-sources.ts';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');

const manifest = readManifest(ROOT);
const texts = readSources(ROOT, manifest);
// NOJOIN=1: without the grouping's third pass (group/answer-join.ts), to see what it adds.
const options = { ...(process.env.NOJOIN ? { joinHooks: { decide: () => false } } : {}), base: '/', entryFiles: readEntryFiles(ROOT), idMap: readIdMap(ROOT) };
const before = runPipeline(texts, options);

/** The other sources' questions as a partition: for each question, the sorted questions it shares an entry with. */
function partition(kb: typeof before.kb, keep: (source: string) => boolean): Map<string, string> {
  const together = new Map<string, string>();
  for (const e of kb.entries) {
    const members = e.variants.filter((v) => keep(v.source)).map((v) => `${v.source}:${v.line}`).sort();
    for (const m of members) together.set(m, members.join(' '));
  }
  return together;
}
const original = partition(before.kb, () => true);

console.log('bench:unseen (sources written after the grouping rules were frozen; no curation for them)');
for (const { text, labels: rows } of readUnseenSources(ROOT, manifest)) {
  const spec = text.source;
  const after = runPipeline([...texts, text], options);
  // Ids the labels name may have been retired into a merged entry since: follow the aliases.
  const current = (id: string) => after.idMap.aliases[id] ?? id;
  const entryOf = new Map<number, { id: string; others: number }>();
  for (const e of after.kb.entries) {
    for (const v of e.variants) if (v.source === spec.id) entryOf.set(v.line, { id: e.id, others: e.variants.filter((w) => w.source !== spec.id).length });
  }
  const rewordings = rows.filter((r) => r.entry !== null);
  const fresh = rows.filter((r) => r.entry === null);
  const joined = rewordings.filter((r) => {
    const got = entryOf.get(r.line)?.id;
    return got !== undefined && [r.entry!, ...(r.alsoAcceptable ?? [])].map(current).includes(got);
  });
  const alone = fresh.filter((r) => entryOf.get(r.line)?.others === 0);
  const regrouped = [...partition(after.kb, (s) => s !== spec.id)].filter(([k, v]) => original.get(k) !== v).length;
  const pct = (a: number, b: number) => `${a}/${b} (${((100 * a) / b).toFixed(0)}%)`;
  console.log(`  ${spec.id} (${spec.format}, ${rows.length} questions)`);
  console.log(`    rewordings that joined their entry       ${pct(joined.length, rewordings.length)}`);
  console.log(`    new questions with an entry of their own ${pct(alone.length, fresh.length)}`);
  console.log(`    other sources' questions regrouped       ${regrouped}`);
  if (process.argv.includes('--explain')) {
    for (const r of rewordings.filter((r) => !joined.includes(r))) console.log(`    missed: line ${r.line} "${r.question}" -> ${entryOf.get(r.line)?.id} (wanted ${r.entry})`);
    for (const r of fresh.filter((r) => !alone.includes(r))) console.log(`    fused:  line ${r.line} "${r.question}" -> ${entryOf.get(r.line)?.id}`);
  }
}
