/**
 * One answer per entry: the distinct points its sources make, each crediting the sources that make it.
 *
 * Every answer is cut into points (a list item, a sentence of prose, or a labelled block with its list); a
 * point whose content words are mostly those of a point already kept is the same point made again, and only
 * adds its source to that point's credit. Points made by more sources come first; the rest keep their order.
 * Formulas, tables and code stay attached to the point before them.
 */
import type { List, ListItem, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { normaliseWords } from './group/concepts.ts';
import type { Variant } from './model.ts';
import { escapeText, parseUntrusted, serialise } from './render/markdown.ts';

export interface Point {
  markdown: string;
  words: Set<string>;
  sources: string[];
  /** Position in the first answer that made it, for a stable order. */
  order: number;
}

/** Two points are the same when this share of the shorter one's content words is in the longer one. */
const SAME_POINT = 0.6;
const MIN_WORDS = 3;

const STOPWORDS = new Set(
  'a an and are as at be been by can do does for from has have how in into is it its model models of on or so such that the their them these they this to use used uses using via was what when where which while with without also more most than then only each both other'.split(' '),
);

function contentWords(markdown: string): Set<string> {
  const text = markdown.replace(/\]\([^)]*\)/g, ']').replace(/\$[^$]*\$/g, ' ');
  return new Set(normaliseWords(text).filter((w) => w.length > 2 && !STOPWORDS.has(w)));
}

function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size < MIN_WORDS || b.size < MIN_WORDS) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / Math.min(a.size, b.size);
}

const toMarkdown = (children: RootContent[]) => serialise({ type: 'root', children } as Root);
/** A sentence that starts "This …" or "It …" leans on the sentence before it. */
const LEANS_BACK = /^(?:This|These|That|It|They|Such|However|Additionally|Also|As a result|Thus|Therefore)\b/;

function sentences(markdown: string): string[] {
  const parts = markdown.split(/(?<=[.!?])\s+(?=[A-Z*[])/);
  const out: string[] = [];
  for (const part of parts) {
    if (out.length && (LEANS_BACK.test(part) || out.at(-1)!.length < 40)) out[out.length - 1] += ` ${part}`;
    else out.push(part);
  }
  return out;
}

const isLabel = (node: RootContent) =>
  node.type === 'paragraph' && node.children.length === 1 && node.children[0]!.type === 'strong' && /:\s*$/.test(toString(node));

/** Cuts one answer into points. */
export function answerPoints(markdown: string): string[] {
  const tree = parseUntrusted(markdown);
  const points: string[] = [];
  const attach = (extra: string) => {
    if (points.length) points[points.length - 1] += `\n\n${extra}`;
    else points.push(extra);
  };
  const nodes = tree.children;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (isLabel(node)) {
      // A label and the block under it are one point ("**Purpose:**" and its list).
      const next = nodes[i + 1];
      points.push(next && !isLabel(next) ? toMarkdown([node, nodes[++i]!]) : toMarkdown([node]));
    } else if (node.type === 'list' && !node.ordered) {
      for (const item of node.children) points.push(toMarkdown(item.children as RootContent[]));
    } else if (node.type === 'paragraph') {
      points.push(...sentences(toMarkdown([node])));
    } else {
      attach(toMarkdown([node]));
    }
  }
  return points.filter((p) => p.trim());
}

export function mergePoints(variants: Variant[]): Point[] {
  const points: Point[] = [];
  let order = 0;
  for (const variant of variants) {
    if (!variant.answer) continue;
    for (const markdown of answerPoints(variant.answer)) {
      const words = contentWords(markdown);
      const same = points.find((p) => overlap(p.words, words) >= SAME_POINT);
      if (same) {
        if (!same.sources.includes(variant.source)) same.sources.push(variant.source);
        // Keep the fuller wording of the point.
        if (words.size > same.words.size * 1.5 && !markdown.includes('\n')) {
          same.markdown = markdown;
          same.words = words;
        }
        continue;
      }
      points.push({ markdown, words, sources: [variant.source], order: order++ });
    }
  }
  return points.sort((a, b) => b.sources.length - a.sources.length || a.order - b.order);
}

/**
 * The entry's answer. With one answering source it is that source's answer as it stands; with several it is
 * the list of their distinct points, each followed by the sources that make it.
 */
export function mergeAnswer(variants: Variant[], sourceName: (id: string) => string): string | null {
  const answered = variants.filter((v) => v.answer);
  if (answered.length === 0) return null;
  const sources = new Set(answered.map((v) => v.source));
  if (sources.size === 1 && answered.length === 1) return answered[0]!.answer;
  const points = mergePoints(answered);
  const items: ListItem[] = points.map((point) => {
    const body = parseUntrusted(point.markdown).children;
    if (sources.size === 1) return { type: 'listItem', spread: false, children: body as ListItem['children'] };
    const credit = parseUntrusted(`*(${escapeText(point.sources.map(sourceName).join(', '))})*`).children[0];
    const last = body.at(-1);
    // The credit closes the point's first paragraph when the point is a single paragraph, else follows it.
    if (body.length === 1 && last?.type === 'paragraph' && credit?.type === 'paragraph') {
      last.children.push({ type: 'text', value: ' ' }, ...credit.children);
    } else if (credit) body.push(credit);
    return { type: 'listItem', spread: false, children: body as ListItem['children'] };
  });
  const list: List = { type: 'list', ordered: false, spread: false, children: items };
  return serialise({ type: 'root', children: [list] });
}
