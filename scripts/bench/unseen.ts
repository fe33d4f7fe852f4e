/**
 * `npm run bench:unseen`: how the grouping treats sources nobody tuned it on. Each source of eval/unseen/ was
 * written after the grouping rules were frozen, in a known layout, with no curation of its own: about two
 * thirds rewordings of questions the site already has, one third new questions (some sharing words with an
 * entry but asking something else). eval/unseen/labels.json says, per question, the entry it rewords or null.
 *
 * Prints, per source: rewordings that joined their entry, new questions that got an entry of their own, and
 * whether adding the source changed how the other sources' questions are grouped (it must not).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceText } from '../lib/model.ts';
import { runPipeline } from '../lib/pipeline.ts';
import { decodeSource, readCorrections, readCurations, readEditorsAnswers, readIdMap, readManifest, readSources } from '../lib/read-sources.ts';
import { SourceSchema } from '../lib/schema.ts';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const DIR = join(ROOT, 'eval/unseen');

interface Label {
  line: number;
  question: string;
  entry: string | null;
  alsoAcceptable?: string[];
}
const labels = JSON.parse(readFileSync(join(DIR, 'labels.json'), 'utf8')) as Record<string, Label[] | string>;
/** Each unseen source's layout and title (eval/unseen/sources.json). */
const UNSEEN = Object.entries(JSON.parse(readFileSync(join(DIR, 'sources.json'), 'utf8')) as Record<string, { format: string; title: string }>).map(([id, s]) => ({ id, ...s }));

const manifest = readManifest(ROOT);
const texts = readSources(ROOT, manifest);
// A layout that reads platform lines (a post's noise, a deck's rating widget) takes them as options: an unseen
// source is read with those of the real source in its layout, as a manifest entry for it would say.
const optionsOf = (format: string) => manifest.sources.find((s) => s.format === format)?.options;
const options = { ...(process.env.NOJOIN ? { joinHooks: { decide: () => false } } : {}), base: '/', curations: readCurations(ROOT), idMap: readIdMap(ROOT), corrections: readCorrections(ROOT), editorsAnswers: readEditorsAnswers(ROOT) };
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
for (const spec of UNSEEN) {
  const file = `eval/unseen/${spec.id}.txt`;
  const source = SourceSchema.parse({ ...spec, options: optionsOf(spec.format), file, author: null, origin: 'Written by the team to test generalisation', licence: 'Project' });
  const text: SourceText = { source, lines: decodeSource(readFileSync(join(ROOT, file)), file) };
  const after = runPipeline([...texts, text], options);
  // Ids the labels name may have been retired into a merged entry since: follow the aliases.
  const current = (id: string) => after.idMap.aliases[id] ?? id;
  const entryOf = new Map<number, { id: string; others: number }>();
  for (const e of after.kb.entries) {
    for (const v of e.variants) if (v.source === spec.id) entryOf.set(v.line, { id: e.id, others: e.variants.filter((w) => w.source !== spec.id).length });
  }
  const rows = labels[spec.id] as Label[];
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
