/**
 * `npm run bench:join`: fits the join decision of the grouping's third pass (scripts/lib/group/answer-join.ts)
 * and says how well it generalises. Every decision the pass weighs is observed with the pass switched off:
 * - on the five sources, with no curation, labelled by eval/entries-labelled.json (a question joins when its
 *   nearest earlier entry holds a question of its labelled entry);
 * - on the unseen sources of eval/unseen/, each added alone, labelled by eval/unseen/labels.json.
 * A logistic model of the four features is fitted on the unseen sources that are not held back, with one
 * left out in turn and scored on it; the sources in HELD_BACK are never fitted on, and the five reviewed sources
 * are not either (the pass leaves them): their row says what the pass would do to them. Prints the weights
 * fitted on all the tunable sources, which are the ones answer-join.ts ships.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JOIN_THRESHOLD, JOIN_WEIGHTS, type JoinFeatures, joinProbability, type JoinWeights, readEntryFiles, readIdMap, readManifest, readSources, runPipeline, type Variant } from '../lib/index.ts';
import { readUnseenSources } from './unseen-sources.ts';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
/** Unseen sources kept out of every fit: the measurement of text nobody tuned on. */
const HELD_BACK = ['unseen-e', 'unseen-f', 'unseen-g', 'unseen-h', 'unseen-i', 'unseen-j'];
const FEATURES: (keyof JoinFeatures)[] = ['nearest', 'margin', 'answers', 'closestVariant'];

interface Observation {
  source: string;
  /** For an unseen source's question: whether its label makes it a new question or a rewording. */
  kind?: 'new' | 'rewording';
  features: JoinFeatures;
  /** Whether joining the nearest entry is right. */
  right: boolean;
}

const key = (v: Pick<Variant, 'source' | 'line'>) => `${v.source}:${v.line}`;
const manifest = readManifest(ROOT);
const texts = readSources(ROOT, manifest);
const observations: Observation[] = [];

// The five sources: automatic grouping, labels by entry.
const labelOf = new Map<string, string>();
const entryLabels = JSON.parse(readFileSync(join(ROOT, 'eval/entries-labelled.json'), 'utf8')) as { entries: { label: string; members: { source: string; line: number }[] }[] };
for (const e of entryLabels.entries) for (const m of e.members) labelOf.set(key(m), e.label);
// As if none of them had been reviewed, so that the pass weighs their questions too.
const unreviewed = texts.map((t) => ({ ...t, source: { ...t.source, groupingReviewed: false } }));
runPipeline(unreviewed, {
  base: '/',
  joinHooks: {
    decide: () => false,
    observe(question, entry, features) {
      const label = labelOf.get(key(question[0]!));
      if (label === undefined) return;
      observations.push({ source: question[0]!.source, features, right: entry.some((w) => labelOf.get(key(w)) === label) });
    },
  },
});

// The unseen sources: each added to the site as shipped, labels by the entry id a rewording belongs to.
const entryFiles = readEntryFiles(ROOT);
// With the ids the site hands out (sources/entry-ids.json), which the labels name.
const idMap = readIdMap(ROOT);
const before = runPipeline(texts, { base: '/', entryFiles, idMap });
const current = (id: string) => before.idMap.aliases[id] ?? id;
const entryIdOf = new Map(before.kb.entries.flatMap((e) => e.variants.map((v) => [key(v), e.id] as const)));
for (const { text, labels: rows } of readUnseenSources(ROOT, manifest)) {
  const id = text.source.id;
  runPipeline([...texts, text], {
    base: '/',
    entryFiles,
    idMap,
    joinHooks: {
      decide: () => false,
      observe(question, entry, features) {
        if (question[0]!.source !== id) return;
        const row = rows.find((r) => r.line === question[0]!.line);
        if (!row) return;
        const wanted = row.entry === null ? [] : [row.entry, ...(row.alsoAcceptable ?? [])].map(current);
        observations.push({ source: id, kind: row.entry === null ? 'new' : 'rewording', features, right: entry.some((w) => wanted.includes(entryIdOf.get(key(w)) ?? '')) });
      },
    },
  });
}

type Weights = Readonly<JoinWeights>;
/** Logistic regression by gradient descent, with a little L2 on the feature weights. */
function fit(data: Observation[]): Weights {
  let w = [0, ...FEATURES.map(() => 0)];
  const x = (o: Observation) => [1, ...FEATURES.map((f) => o.features[f])];
  for (let iteration = 0; iteration < 20000; iteration++) {
    const gradient = w.map(() => 0);
    for (const o of data) {
      const xs = x(o);
      const p = 1 / (1 + Math.exp(-xs.reduce((s, xi, i) => s + xi * w[i]!, 0)));
      xs.forEach((xi, i) => (gradient[i]! += (p - (o.right ? 1 : 0)) * xi));
    }
    w = w.map((wi, i) => wi - 0.5 * (gradient[i]! / data.length + (i ? 0.001 * wi : 0)));
  }
  const round = (n: number) => Math.round(n * 100) / 100;
  return Object.fromEntries([['bias', round(w[0]!)], ...FEATURES.map((f, i) => [f, round(w[i + 1]!)])]) as unknown as Weights;
}

function score(data: Observation[], weights: Weights): string {
  const joins = (o: Observation) => joinProbability(o.features, weights) >= JOIN_THRESHOLD;
  const right = data.filter((o) => o.right);
  const wrong = data.filter((o) => !o.right);
  const pct = (a: number, b: number) => (b ? `${a}/${b} (${((100 * a) / b).toFixed(0)}%)` : '0/0');
  return `right joins made ${pct(right.filter(joins).length, right.length)}, wrong joins avoided ${pct(wrong.filter((o) => !joins(o)).length, wrong.length)}`;
}

const sources = [...new Set(observations.map((o) => o.source))];
const isTunable = (s: string) => s.startsWith('unseen-') && !HELD_BACK.includes(s);
const tunable = observations.filter((o) => isTunable(o.source));
console.log('bench:join (decisions of the third grouping pass: is the nearest earlier entry the right one to join?)');
console.log('  left out in turn (fitted on the other tunable sources):');
for (const s of sources.filter(isTunable)) {
  console.log(`    ${s.padEnd(20)} ${score(observations.filter((o) => o.source === s), fit(tunable.filter((o) => o.source !== s)))}`);
}
const weights = fit(tunable);
console.log('  held back (never fitted on), with the weights fitted on all tunable sources:');
for (const s of sources.filter((s) => HELD_BACK.includes(s))) console.log(`    ${s.padEnd(20)} ${score(observations.filter((o) => o.source === s), weights)}`);
const reviewedSources = sources.filter((s) => !s.startsWith('unseen-'));
console.log(`  the reviewed sources, which the pass leaves (fitted weights): ${score(observations.filter((o) => reviewedSources.includes(o.source)), weights)}`);
console.log(`  weights fitted: ${JSON.stringify(weights)}`);
console.log('  with the weights shipped:');
for (const s of sources) console.log(`    ${s.padEnd(20)} ${score(observations.filter((o) => o.source === s), JOIN_WEIGHTS)}`);
if (process.argv.includes('--dump')) for (const o of observations) console.log('DUMP', JSON.stringify(o));
console.log(`  weights shipped: ${JSON.stringify(JOIN_WEIGHTS)}`);
