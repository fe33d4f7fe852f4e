/**
 * `npm run bench:dedup`: deduplication quality on the labelled pairs (eval/duplicates-dev.json), with and
 * without the editors' curations, and the time grouping takes on the real questions and on a synthetic corpus
 * 20 times larger (every question reworded with its concepts swapped for others, so keys spread as in a real
 * corpus). Prints one table.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repositoryData } from '../lib/index.ts';
import { buildConceptIndex, buildLexicon, groupVariants, readEntryFiles, readIdMap, readManifest, readSources, runPipeline, type Variant } from '../lib/index.ts';
import { entryPairScores, pairwiseScores } from '../../eval/grouping-scores.ts';

const VOCABULARY = repositoryData().vocabulary;

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const SCALE = 20;

/** Runs of each size timed: the medians are what the table prints. */
const ROUNDS = 5;

interface Timed<T> {
  result: T;
  /** Median wall-clock time of a run. */
  ms: number;
  /** Median CPU time of a run (every thread of the process): what a busy shared machine does not inflate. */
  cpu: number;
}

/**
 * Times the runs alike: ROUNDS rounds in which each runs in turn, so a busy spell of a shared machine falls on
 * every size, not on one; each timed run comes right after an untimed one of its own, so it finds the code warm
 * and pays for no garbage the other size left.
 */
function timeAlike<K extends string, T>(runs: Record<K, () => T>): Record<K, Timed<T>> {
  const names = Object.keys(runs) as K[];
  const results = new Map<K, T>();
  const times = new Map(names.map((name) => [name, { ms: [] as number[], cpu: [] as number[] }]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const name of names) {
      runs[name]();
      const [started, cpu] = [performance.now(), process.cpuUsage()];
      results.set(name, runs[name]());
      const used = process.cpuUsage(cpu);
      times.get(name)!.ms.push(performance.now() - started);
      times.get(name)!.cpu.push((used.user + used.system) / 1000);
    }
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return Object.fromEntries(names.map((name) => [name, { result: results.get(name)!, ms: median(times.get(name)!.ms), cpu: median(times.get(name)!.cpu) }])) as Record<K, Timed<T>>;
}

/** Rewords every question SCALE times by swapping each concept alias for another concept's alias. */
function synthetic(variants: Variant[]): Variant[] {
  const aliases = VOCABULARY.filter((c) => c.level === 2).map((c) => c.aliases[0]!);
  const out: Variant[] = [];
  for (let copy = 0; copy < SCALE; copy++) {
    variants.forEach((v, i) => {
      let question = v.question;
      for (const concept of VOCABULARY) {
        for (const alias of concept.aliases) {
          if (question.toLowerCase().includes(alias)) question = question.replace(new RegExp(alias, 'i'), aliases[(i * 7 + copy * 13) % aliases.length]!);
        }
      }
      out.push({ ...v, source: `${v.source}-copy${copy}`, question });
    });
  }
  return out;
}

const texts = readSources(ROOT, readManifest(ROOT));
const labels = JSON.parse(readFileSync(join(ROOT, 'eval/duplicates-dev.json'), 'utf8'));
const automatic = runPipeline(texts, { base: '/' });
const curated = runPipeline(texts, { base: '/', entryFiles: readEntryFiles(ROOT), idMap: readIdMap(ROOT) });
const scoresAuto = pairwiseScores(automatic.kb, labels);
const scoresCurated = pairwiseScores(curated.kb, labels);
// All 353 questions labelled into entries by two editors (eval/entries-labelled.json). The grouping has no
// trained parameters fitted to these labels, so each source's pairs are a fair held-out measurement; the
// per-source rows say how a source's questions fare against the others.
const entryLabels = JSON.parse(readFileSync(join(ROOT, 'eval/entries-labelled.json'), 'utf8'));
const sourceIds = texts.map((t) => t.source.id);
const labelled = [
  ['all labelled pairs', entryPairScores(automatic.kb, entryLabels)] as const,
  ...sourceIds.map((id) => [`pairs involving ${id}`, entryPairScores(automatic.kb, entryLabels, (a, b) => a.startsWith(`${id}:`) || b.startsWith(`${id}:`))] as const),
];

// The site as shipped: the editors' curations settle the pairs the labels join that automation keeps apart. The
// curations were written from the same reading as the labels, so this row is not a held-out measurement.
const shipped = entryPairScores(curated.kb, entryLabels);
const index = buildConceptIndex(VOCABULARY);
const lexicon = buildLexicon(texts.map((t) => t.lines.join('\n')));
const variants = automatic.kb.entries.flatMap((e) => e.variants.map((v) => ({ ...v })));
const isRare = (w: string) => lexicon.count(w) <= 2;
// The first pass alone, to show what attaching by resemblance adds and costs.
const sourceOrder = texts.map((t) => t.source.id);
const inOrder = [...variants].sort((a, b) => sourceOrder.indexOf(a.source) - sourceOrder.indexOf(b.source) || a.line - b.line);
const keysOnly = groupVariants(inOrder, index, { isRare, sourceOrder, attachThreshold: Infinity, senses: repositoryData().senses });
const keysOnlyScores = entryPairScores({ entries: keysOnly.map((g, i) => ({ id: String(i), variants: g.variants })) }, entryLabels);
const big = synthetic(variants);
const { real, large } = timeAlike({
  real: () => groupVariants(variants, index, { isRare, senses: repositoryData().senses }),
  large: () => groupVariants(big, index, { isRare, senses: repositoryData().senses }),
});

const rows: [string, string][] = [
  ['labelled pairs (positive / negative)', `${scoresAuto.truePositives + scoresAuto.falseNegatives} / ${scoresAuto.falsePositives + scoresAuto.trueNegatives}`],
  ['precision, automatic grouping', scoresAuto.precision.toFixed(3)],
  ['recall, automatic grouping', scoresAuto.recall.toFixed(3)],
  ['precision, with curations', scoresCurated.precision.toFixed(3)],
  ['recall, with curations', scoresCurated.recall.toFixed(3)],
  ...labelled.map(([name, sc]): [string, string] => [
    `entry labels, ${name}`,
    `precision ${sc.precision.toFixed(3)}, recall ${sc.recall.toFixed(3)} (${sc.truePositives} joined, ${sc.falsePositives} wrongly joined, ${sc.falseNegatives} kept apart)`,
  ]),
  [
    'entry labels, all pairs, keys only (no attach)',
    `precision ${keysOnlyScores.precision.toFixed(3)}, recall ${keysOnlyScores.recall.toFixed(3)} (${keysOnlyScores.truePositives} joined, ${keysOnlyScores.falsePositives} wrongly joined, ${keysOnlyScores.falseNegatives} kept apart)`,
  ],
  [
    'entry labels, site as shipped (curated)',
    `precision ${shipped.precision.toFixed(3)}, recall ${shipped.recall.toFixed(3)} (${shipped.truePositives} joined, ${shipped.falsePositives} wrongly joined, ${shipped.falseNegatives} kept apart)`,
  ],
  ['question instances -> entries', `${automatic.stats.questions} -> ${automatic.stats.entries} (curated: ${curated.stats.entries})`],
  [`grouping time, ${variants.length} questions`, `${real.ms.toFixed(1)} ms, CPU ${real.cpu.toFixed(1)} ms (medians of ${ROUNDS} runs, each after an untimed one, taking turns with the runs below)`],
  [
    `grouping time, ${big.length} synthetic questions (x${SCALE})`,
    `${large.ms.toFixed(1)} ms, CPU ${large.cpu.toFixed(1)} ms (${large.result.length} groups; ${(large.ms / real.ms).toFixed(1)}x the time, ${(large.cpu / real.cpu).toFixed(1)}x the CPU time for ${SCALE}x the questions)`,
  ],
];
const width = Math.max(...rows.map(([k]) => k.length));
console.log('bench:dedup');
for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
for (const m of scoresAuto.mistakes) console.log(`  mistake: ${m}`);
