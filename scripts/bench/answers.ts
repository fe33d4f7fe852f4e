/**
 * `npm run bench:answers [kb.json] [--lost] [--restating] [--shipped] [--explain <entry id>]`: how well merged answers read, on
 * the entries whose answer merges two or more sources (and, second line, every entry merging two or more answers).
 * Without an argument it runs the ingest's pipeline: the automatic merge, then the site as shipped (the editors'
 * answers, and the automatic merges with the corrections), whose lost facts and restating points --shipped lists;
 * with an argument it measures a kb.json written by any version (the one before this merge, say).
 *
 * - points: items of the answer's top-level lists (a nested list belongs to its item), and tables and formulas
 *   standing on their own between them (consecutive formulas and their "Where:" list are one point);
 * - restating points: points 60% of whose weighted senses are in another point of the same answer, or that
 *   share 45% each way with one (the sense model of answer/senses.ts: stems, paraphrase classes, the
 *   vocabulary's concepts, negation; weights from all the sources' points, what the question names counting a
 *   third), credits and links stripped. Looser than the merge's own test (70%, 55%), so it also counts the
 *   restatements the merge keeps because they carry facts of their own;
 * - length: plain text of the merged answer (credits, links and Markdown removed) over the longest original,
 *   and over all the originals together (averaged over entries);
 * - facts lost: names (acronyms, mixed case, capitalised words inside a sentence, outside bold labels; a name
 *   of several words also counts as there by its initials, "LLMs"), numbers, formulas and quoted examples of the
 *   originals that the merged answer does not contain;
 * - list items not found: items of the originals no point of the merged answer holds 60% of the content words
 *   of (or names by the item's bold label). An item merged into a fuller wording of the same point can count
 *   here when the wordings share few words: `--lost` lists them, to read.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { List, ListItem, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { VOCABULARY } from '../data/vocabulary.ts';
import { plainText } from '../lib/answer/plain.ts';
import { names, normaliseMath, type SenseModel } from '../lib/answer/senses.ts';
import { buildConceptIndex } from '../lib/group/concepts.ts';
import { explainMerge, mergeContext } from '../lib/merge-answer.ts';
import { runPipeline } from '../lib/pipeline.ts';
import { readCorrections, readCurations, readEditorsAnswers, readManifest, readSources } from '../lib/read-sources.ts';
import { parseUntrusted } from '../lib/markdown/untrusted.ts';
import type { KnowledgeBase } from '../lib/schema.ts';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const SAME = 0.6;
const MUTUAL = 0.45;
const SUBJECT_WEIGHT = 0.35;
const ITEM_PRESENT = 0.6;

type Entry = KnowledgeBase['entries'][number];

const CREDIT = /\s*\*\((?:[^()]|\([^()]*\))*\)\*/g;
/** The answer as its reader sees it, without credits or glossary links. */
const clean = (markdown: string) => markdown.replace(CREDIT, '').replace(/\[([^\]]*)\]\(\/[^)]*\)/g, '$1');

export function answerPoints(markdown: string): string[] {
  const tree = parseUntrusted(clean(markdown));
  // A table or a formula standing between the lists is a point too (its "Where:" list explains it).
  const where = (node: Root['children'][number] | undefined) => node?.type === 'paragraph' && /^(?:where|here)\b/i.test(plainText([node]).trim());
  const out: string[] = [];
  tree.children.forEach((node, i) => {
    if (node.type === 'list' && !where(tree.children[i - 1])) out.push(...(node as List).children.map((item) => plainText((item as ListItem).children)));
    if (node.type === 'table' || (node.type === 'math' && tree.children[i - 1]?.type !== 'math')) out.push(plainText([node]));
  });
  return out;
}

const plain = (markdown: string) => plainText(parseUntrusted(clean(markdown)).children).replace(/\s+/g, ' ').trim();

/** Each paragraph of an answer as plain text, without its bold label: where names are looked for. */
function blocks(markdown: string): string[] {
  const out: string[] = [];
  const visit = (node: { type: string; children?: unknown[] }) => {
    if (node.type === 'paragraph') {
      const children = (node.children ?? []) as Root['children'][number][];
      const start = children[0]?.type === 'strong' ? 1 : 0;
      out.push(plainText(children.slice(start) as never).replace(/\$[^$]*\$/g, ' '));
      return;
    }
    for (const child of (node.children ?? []) as (typeof node)[]) visit(child);
  };
  visit(parseUntrusted(markdown));
  return out;
}

/** "Large Language Models" is kept by "LLMs". */
const initials = (name: string) => name.split(/\s+/).map((w) => w[0]).join('').toLowerCase();

function listItems(markdown: string): { label: string | null; text: string }[] {
  const out: { label: string | null; text: string }[] = [];
  const visit = (node: Root | List | ListItem) => {
    for (const child of node.children) {
      if (child.type === 'list') visit(child);
      if (child.type === 'listItem') {
        const first = child.children[0];
        const label = first?.type === 'paragraph' && first.children[0]?.type === 'strong' ? toString(first.children[0]).replace(/:\s*$/, '').trim() : null;
        out.push({ label, text: plainText(child.children.filter((c) => c.type !== 'list')) });
        visit(child);
      }
    }
  };
  visit(parseUntrusted(markdown));
  return out;
}

export interface Measures {
  entries: number;
  points: number;
  restating: number;
  lengthRatio: number;
  /** Merged length over all the originals together: what share of what the sources wrote is left. */
  totalRatio: number;
  /** Names, numbers, formulas and quoted examples of the originals missing from the merged answer. */
  factsLost: number;
  /** List items of the originals no point of the merged answer holds. */
  itemsLost: number;
  lost: string[];
  /** Each restating point and the point it restates, to read. */
  pairs: string[];
}

export function measure(entries: Entry[], model: SenseModel, baseWeight: (s: string) => number): Measures {
  let points = 0;
  let restating = 0;
  let ratio = 0;
  let total = 0;
  let factsLost = 0;
  let itemsLost = 0;
  const lost: string[] = [];
  const pairs: string[] = [];
  for (const entry of entries) {
    const answer = entry.answer ?? '';
    const subject = new Set(entry.variants.flatMap((v) => [...model.analyse(v.question).senses]));
    const weight = (s: string) => baseWeight(s) * (subject.has(s.replace(/^¬/, '')) ? SUBJECT_WEIGHT : 1);
    const texts = answerPoints(answer);
    const ps = texts.map((text) => model.analyse(text).senses);
    points += ps.length;
    const cover = (a: Set<string>, b: Set<string>) => {
      let all = 0;
      let shared = 0;
      for (const s of a) {
        all += weight(s);
        if (b.has(s)) shared += weight(s);
      }
      return all ? shared / all : 0;
    };
    for (let i = 0; i < ps.length; i++) {
      const j = ps.findIndex((q, j) => j !== i && (cover(ps[i]!, q) >= SAME || (cover(ps[i]!, q) >= MUTUAL && cover(q, ps[i]!) >= MUTUAL)));
      if (j < 0) continue;
      restating++;
      pairs.push(`${entry.id}\n    ${texts[i]!.replace(/\s+/g, ' ').slice(0, 140)}\n  ≈ ${texts[j]!.replace(/\s+/g, ' ').slice(0, 140)}`);
    }
    const merged = plain(answer);
    const originals = entry.variants.filter((v) => v.answer);
    ratio += merged.length / Math.max(...originals.map((v) => plain(v.answer!).length));
    total += merged.length / originals.reduce((sum, v) => sum + plain(v.answer!).length, 0);

    const text = merged.toLowerCase();
    const mergedMath = new Set([...answer.matchAll(/\$\$?([^$]+)\$\$?/g)].map((m) => normaliseMath(m[1]!)));
    // Where an original item may be: a point, or any item of a list in the merged answer.
    const mergedPoints = [...answerPoints(answer), ...listItems(clean(answer)).map((i) => i.text)].map((p) => model.analyse(p).senses);
    for (const v of originals) {
      const source = plain(v.answer!);
      const missing: string[] = [];
      for (const name of blocks(v.answer!).flatMap((b) => names(b))) {
        if (!text.includes(name.toLowerCase()) && !(name.includes(' ') && new RegExp(`\\b${initials(name)}s?\\b`).test(text))) missing.push(name);
      }
      for (const m of source.replace(/\$[^$]*\$/g, ' ').matchAll(/(?<![\w.])\d+(?:\.\d+)?/g)) if (!new RegExp(`(?<![\\w.])${m[0]}(?![\\d])`).test(merged)) missing.push(m[0]);
      for (const m of v.answer!.matchAll(/\$\$?([^$]+)\$\$?/g)) if (!mergedMath.has(normaliseMath(m[1]!))) missing.push(`$${m[1]}$`);
      for (const m of source.matchAll(/["“]([^"”]{2,60})["”]/g)) if (!text.includes(m[1]!.toLowerCase())) missing.push(`"${m[1]}"`);
      for (const item of listItems(v.answer!)) {
        if (item.label && text.includes(item.label.toLowerCase())) continue;
        const senses = [...model.analyse(item.text).senses].filter((s) => !s.startsWith('¬'));
        const found = mergedPoints.some((p) => senses.filter((s) => p.has(s)).length >= ITEM_PRESENT * senses.length);
        if (!found) missing.push(`item: ${item.text.slice(0, 60)}`);
      }
      itemsLost += missing.filter((m) => m.startsWith('item: ')).length;
      factsLost += missing.filter((m) => !m.startsWith('item: ')).length;
      for (const m of missing) lost.push(`${entry.id} [${v.source}:${v.line}] ${m}`);
    }
  }
  return { entries: entries.length, points, restating, lengthRatio: entries.length ? ratio / entries.length : 0, totalRatio: entries.length ? total / entries.length : 0, factsLost, itemsLost, lost, pairs };
}

function main() {
  const { values: options, positionals } = parseArgs({
    options: { explain: { type: 'string' }, lost: { type: 'boolean' }, restating: { type: 'boolean' }, shipped: { type: 'boolean' } },
    allowPositionals: true,
  });
  const path = positionals[0];
  const texts = path ? [] : readSources(ROOT, readManifest(ROOT));
  const curations = path ? [] : readCurations(ROOT);
  const kb: KnowledgeBase = path ? JSON.parse(readFileSync(path, 'utf8')) : runPipeline(texts, { base: '/', curations }).kb;
  // The site as shipped: the editors' answers where they still fit, and the corrections.
  const shipped: KnowledgeBase | null = path
    ? null
    : runPipeline(texts, { base: '/', curations, corrections: readCorrections(ROOT), editorsAnswers: readEditorsAnswers(ROOT) }).kb;
  const context = mergeContext(kb.entries.flatMap((e) => e.variants.flatMap((v) => (v.answer ? [v.answer] : []))), buildConceptIndex(VOCABULARY));
  const weight = (s: string) => {
    const p = s.replace(/^¬/, '');
    return context.model.baseWeight(p) * Math.log(1 + context.points / (context.df.get(p) ?? 1));
  };
  if (options.explain !== undefined) {
    const id = options.explain;
    for (const entry of kb.entries.filter((e) => e.id.includes(id))) {
      console.log(`${entry.id}\n${explainMerge(entry.variants, context).join('\n')}\n`);
    }
    return;
  }
  const answered = (e: Entry) => e.variants.filter((v) => v.answer);
  const multiSource = kb.entries.filter((e) => new Set(answered(e).map((v) => v.source)).size >= 2);
  const multiAnswer = kb.entries.filter((e) => answered(e).length >= 2);
  const rows: [string, Measures][] = [
    ['entries with answers from >= 2 sources', measure(multiSource, context.model, weight)],
    ['entries merging >= 2 answers (any source)', measure(multiAnswer, context.model, weight)],
  ];
  if (shipped) {
    const merged = shipped.entries.filter((e) => answered(e).length >= 2);
    rows.push(
      ["as shipped: the editors' answers", measure(merged.filter((e) => e.editorsAnswer), context.model, weight)],
      ['as shipped: automatic merges (corrected)', measure(merged.filter((e) => !e.editorsAnswer), context.model, weight)],
    );
  }
  console.log(`bench:answers ${path ? `(${path})` : '(pipeline)'}`);
  console.log('| set | entries | points | restating points | merged / longest original | merged / all originals | names, numbers, formulas lost | list items not found |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [name, m] of rows) {
    console.log(
      `| ${name} | ${m.entries} | ${m.points} | ${m.restating} (${((100 * m.restating) / Math.max(1, m.points)).toFixed(0)}%) | ${m.lengthRatio.toFixed(2)}x | ${(100 * m.totalRatio).toFixed(0)}% | ${m.factsLost} | ${m.itemsLost} |`,
    );
  }
  // The listings read the automatic merge, or the editors' answers with --shipped.
  const listed = rows[options.shipped && shipped ? 2 : 1]![1];
  if (options.lost) for (const l of listed.lost) console.log(`  lost: ${l}`);
  if (options.restating) for (const p of listed.pairs) console.log(`  ${p}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
