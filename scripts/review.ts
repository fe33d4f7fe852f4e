/**
 * `npm run review`: the grouping decisions an editor should look at first, each with its evidence and the
 * lines of an entry file (sources/entries/<id>.md) that would reverse it. Over the site as built (curations applied):
 * - for a source whose grouping nobody has reviewed yet (manifest `groupingReviewed` not set), the third pass's
 *   joins, weakest first, and the questions it left alone nearest to joining (tools/review-queue.ts); then its
 *   questions the earlier passes put into other sources' entries, weakest evidence first: every automatic
 *   decision about a new source is in front of the editor;
 * - joined with weak evidence: questions in one entry whose questions and answers have least in common;
 * - kept apart with strong evidence: questions in different entries that have most in common.
 * Pairs an editor has already settled (named together in a merge or an apart, or split) are left out.
 * `--top N` sets the length of each list (default 15). `--with FILE` adds the sources of another manifest (as
 * the ingest's KB_EXTRA_MANIFEST does) for this run only: a source can be reviewed before it is in the manifest.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildConceptIndex, IngestError, isNamed, keptApartBy, readEntryFiles, readIdMap, readManifestWith, readSources, resemblanceAmong, type ResemblanceParts, repositoryData, runPipeline, slugify, type Variant } from './lib/index.ts';
import { earlierJoins, type JoinDecision, joinQueue, NEAR_MISS } from './tools/review-queue.ts';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
/** Concepts named by more questions than this say little about which question is asked ("attention"). */
const MAX_POSTINGS = 30;

const { values } = parseArgs({ options: { top: { type: 'string', default: '15' }, with: { type: 'string' } } });
const top = Number(values.top);
let texts: ReturnType<typeof readSources>;
try {
  texts = readSources(ROOT, readManifestWith(ROOT, values.with ?? process.env.KB_EXTRA_MANIFEST));
} catch (error) {
  if (!(error instanceof IngestError)) throw error;
  console.error(`review failed: ${error.format()}`);
  process.exit(1);
}
const entryFiles = readEntryFiles(ROOT);
const decisions: JoinDecision[] = [];
const result = runPipeline(texts, {
  base: '/',
  joinHooks: { observe: (question, entry, features) => decisions.push({ question, entry, features }) },
  entryFiles,
  idMap: readIdMap(ROOT),
});
const { moves } = result.curation;

const entryOf = new Map(result.entries.flatMap((e) => e.variants.map((v) => [v, e] as const)));
const allVariants = result.entries.flatMap((e) => e.variants);
// The evidence is the resemblance the grouping decides by, rarity counted over every question of the site.
const { vocabulary, senses } = repositoryData();
const index = buildConceptIndex(vocabulary);
const compare = resemblanceAmong(allVariants, index, senses).parts;
// An entry an editor merged has been read as a whole; a question an editor split has been placed.
const splitByEditors = new Set(allVariants.filter((v) => moves.some((c) => c.action === 'split' && isNamed(v, c.questions[0]!))));
const namedInMerge = new Set(allVariants.filter((v) => moves.some((c) => c.action === 'merge' && c.questions.some((q) => isNamed(v, q)))));
const mergedByEditors = new Set(result.entries.filter((e) => e.variants.some((v) => namedInMerge.has(v))));
// Two questions an editor keeps apart have been read side by side.
const keptApart = keptApartBy(result.curation.apart);
const settled = (a: Variant, b: Variant) =>
  splitByEditors.has(a) || splitByEditors.has(b) || keptApart(a, b) || (entryOf.get(a) === entryOf.get(b) && mergedByEditors.has(entryOf.get(a)!));

interface Pair {
  a: Variant;
  b: Variant;
  evidence: ResemblanceParts;
}
const joined: Pair[] = result.entries.flatMap((e) =>
  e.variants.flatMap((a, i) => e.variants.slice(i + 1).filter((b) => !settled(a, b)).map((b) => ({ a, b, evidence: compare(a, b) }))),
);

// Candidates kept apart share a specific concept: an inverted index keeps this far below all pairs.
const postings = new Map<string, Variant[]>();
for (const v of allVariants) for (const c of index.find(v.question).filter((id) => index.concepts.get(id)!.level >= 1)) postings.set(c, [...(postings.get(c) ?? []), v]);
const seen = new Set<string>();
const apart: Pair[] = [];
for (const list of postings.values()) {
  if (list.length > MAX_POSTINGS) continue;
  list.forEach((a, i) =>
    list.slice(i + 1).forEach((b) => {
      const key = `${a.source}:${a.line}|${b.source}:${b.line}`;
      if (entryOf.get(a) === entryOf.get(b) || seen.has(key) || settled(a, b)) return;
      seen.add(key);
      apart.push({ a, b, evidence: compare(a, b) });
    }),
  );
}

const ref = (v: Variant) => `${v.source}:${v.line}`;
/** The lines of an entry file that reverse a decision: `key` (holds or apart) with its questions. */
interface Reversal {
  entry: string;
  key: 'holds' | 'apart';
  questions: Variant[];
}
const reversal = (r: Reversal) => `in sources/entries/${r.entry}.md, ${r.key}: [{ questions: [${r.questions.map(ref).join(', ')}], reason: "…" }]`;
const idOf = (v: Variant) => entryOf.get(v)?.id ?? slugify(v.question);
const show = (title: string, pairs: Pair[], line: (p: Pair) => Reversal) => {
  console.log(`\n${title}`);
  for (const p of pairs) {
    const e = p.evidence;
    console.log(`- [${p.a.source}:${p.a.line}] ${p.a.question}\n  [${p.b.source}:${p.b.line}] ${p.b.question}`);
    console.log(`  resemblance ${e.score.toFixed(2)}: questions ${e.questions.toFixed(2)}, answers ${e.answers.toFixed(2)}, question to answer ${e.cross.toFixed(2)}`);
    console.log(`  to reverse: ${reversal(line(p))}`);
  }
};
const queue = joinQueue(decisions);
const unreviewedSources = new Set(texts.filter((t) => t.source.groupingReviewed !== true).map((t) => t.source.id));
console.log(
  unreviewedSources.size
    ? `review: sources not yet reviewed (${[...unreviewedSources].join(', ')}): ${queue.joined.length} questions joined by their answers, ${queue.leftAlone.length} left alone near an entry`
    : 'review: every source is reviewed (manifest groupingReviewed): the third pass joined nothing',
);
const showJoins = (title: string, list: typeof queue.joined, line: (d: (typeof list)[number]) => Reversal) => {
  if (!list.length) return;
  console.log(`\n${title}`);
  for (const d of list.slice(0, top)) {
    const [q] = d.question;
    const f = d.features;
    console.log(`- [${q!.source}:${q!.line}] ${q!.question}\n  nearest entry: ${d.entry[0]!.question}${d.entry.length > 1 ? ` (+${d.entry.length - 1} more)` : ''}`);
    console.log(`  join probability ${d.probability.toFixed(2)}: entry cosine ${f.nearest.toFixed(2)}, lead ${f.margin.toFixed(2)}, answers ${f.answers.toFixed(2)}, closest wording ${f.closestVariant.toFixed(2)}`);
    console.log(`  to reverse: ${reversal(line(d))}`);
  }
};
showJoins(`Joined by their answers, weakest first (${Math.min(top, queue.joined.length)} of ${queue.joined.length})`, queue.joined, (d) => ({
  entry: idOf(d.question[0]!),
  key: 'apart',
  questions: [d.question[0]!, d.entry[0]!],
}));
showJoins(`Left alone, nearest to joining (join probability ${NEAR_MISS} or more; ${Math.min(top, queue.leftAlone.length)} of ${queue.leftAlone.length})`, queue.leftAlone, (d) => ({
  entry: idOf(d.entry[0]!),
  key: 'holds',
  questions: [d.entry[0]!, d.question[0]!],
}));
// A question an editor split off, or merged into its entry, has been placed; one an `apart` names may still have
// been joined to another entry, and an entry the editors merged before the question joined it was not read with it.
const placedByEditors = (v: Variant) => splitByEditors.has(v) || namedInMerge.has(v);
const earlier = earlierJoins(result.entries, (s) => unreviewedSources.has(s), new Set(queue.joined.flatMap((d) => d.question)), placedByEditors, compare);
if (earlier.length) {
  show(
    `Joined by their wording or subject (keys and attach passes), weakest first (${Math.min(top, earlier.length)} of ${earlier.length})`,
    earlier.slice(0, top).map((j) => ({ a: j.closest, b: j.question, evidence: j.evidence })),
    (p) => ({ entry: idOf(p.b), key: 'apart', questions: [p.b, p.a] }),
  );
}
// A new source's joins were listed above, each with its own reversing line: not again here.
const listedAbove = new Set([...queue.joined.flatMap((d) => d.question), ...earlier.map((j) => j.question)]);
const joinedElsewhere = joined.filter((p) => !listedAbove.has(p.a) && !listedAbove.has(p.b));
console.log(`\nreview: ${joinedElsewhere.length} joined pairs and ${apart.length} candidate pairs kept apart, not yet settled by a curation`);
show(
  `Joined with the weakest evidence (${Math.min(top, joinedElsewhere.length)})`,
  joinedElsewhere.sort((x, y) => x.evidence.score - y.evidence.score).slice(0, top),
  // The question leaves for an entry of its own, which takes the id of its wording.
  (p) => ({ entry: slugify(p.b.question), key: 'holds', questions: [p.b] }),
);
show(
  `Kept apart with the strongest evidence (${Math.min(top, apart.length)})`,
  apart.sort((x, y) => y.evidence.score - x.evidence.score).slice(0, top),
  (p) => ({ entry: idOf(p.a), key: 'holds', questions: [p.a, p.b] }),
);
