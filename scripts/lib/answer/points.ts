/**
 * Cuts an answer into the points it makes, on its Markdown tree:
 * - a sentence of prose; a sentence that leans on the one before it ("This helps …", "It …") says so;
 * - a list item, with its bold label ("**Dropout:** …") and whatever is nested in it;
 * - a paragraph that opens with a bold label ("**The Problem:** …"), as one point;
 * - formulas, tables and code belong to the point before them ("**Formula:**" and its "**Where:**" list too).
 * A bold paragraph on its own ("**Purpose:**") or a sentence ending in ":" before a list heads the points
 * under it.
 */
import type { List, ListItem, Paragraph, PhrasingContent, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseUntrusted } from '../markdown/untrusted.ts';
import { plainText } from './plain.ts';

export interface Heading {
  node: Paragraph;
  /** Plain text without the closing colon. */
  text: string;
  style: 'label' | 'lead-in';
}

export interface Unit {
  source: string;
  variant: number;
  /** Position in its answer. */
  seq: number;
  heading: Heading | null;
  /** The bold label the point opens with, colon included ("**Dropout:**"). */
  label: PhrasingContent[] | null;
  body: PhrasingContent[];
  /** Nodes that belong to the point: formulas, tables, code, nested lists, further paragraphs of an item. */
  blocks: RootContent[];
  kind: 'sentence' | 'item' | 'block';
  /** The point (index in the same answer) a "This …" or "It …" sentence leans on. */
  leansOn: number | null;
  /** An item of a numbered list. */
  ordered: boolean;
  /** The list an item belongs to (its position among the answer's lists), for items that move together. */
  list?: number;
}

/** Sentences that cannot stand without the one before them, by how they open or by a connective in their first clause ("X, on the other hand, …"). */
const LEANS_BACK =
  /^(?:This|These|That|Those|It|Its|It's|They|Their|Them|Such|However|Additionally|Also|Moreover|Furthermore|As a result|Thus|Therefore|Hence|In addition|By doing so|Instead,|Otherwise|Here|Both|The latter|The former|Examples? (?:include|are)|For (?:example|instance)|In contrast|By contrast|Conversely|On the other hand|Similarly|Likewise)\b|^[^.,;:]{1,60}?,\s*(?:on the other hand|in contrast|by contrast|however|though|instead|in turn),/;
/**
 * Words that point back wherever they stand: "the latter", and "this" or "these" standing for what was said
 * ("Transfer learning addresses this by …", "… avoids these problems").
 */
const POINTS_BACK = /\b(?:the latter|the former)\b|\b(?:this|these)\s+(?:by|is|are|was|were|can|could|will|would|to|in|with|problems?|issues?|limitations?|challenges?|approach|method|technique|bottleneck)\b|\b(?:this|these)[,.;]/i;
/** Whether a sentence cannot stand without the one before it. */
const leansBack = (text: string) => LEANS_BACK.test(text) || POINTS_BACK.test(text);
const ABBREVIATION = /(?:\be\.g|\bi\.e|\betc|\bvs|\bcf|\bal|\bapprox|\bFig|\bNo|\bDr|\bMr|\bMs)\.$/i;

const plain = (nodes: PhrasingContent[]) => plainText(nodes);

/** A paragraph that is only bold text: a heading for what follows. */
export function isLabelParagraph(node: RootContent | undefined): boolean {
  if (node?.type !== 'paragraph') return false;
  const children = node.children.filter((c) => !(c.type === 'text' && !c.value.trim()));
  return children.length === 1 && children[0]!.type === 'strong';
}

/** The bold label a paragraph opens with, when it is one ("**Dropout:** Randomly …"), and the rest. */
export function splitLabel(children: PhrasingContent[]): { label: PhrasingContent[] | null; body: PhrasingContent[] } {
  const [first, second] = children;
  if (first?.type !== 'strong' || children.length < 2) return { label: null, body: children };
  const strongText = toString(first).trim();
  if (/:$/.test(strongText)) return { label: [first], body: trimStart(children.slice(1)) };
  if (second?.type === 'text' && /^\s*:/.test(second.value)) {
    return { label: [first, { type: 'text', value: ':' }], body: trimStart([{ ...second, value: second.value.replace(/^\s*:/, '') }, ...children.slice(2)]) };
  }
  return { label: null, body: children };
}

function trimStart(nodes: PhrasingContent[]): PhrasingContent[] {
  const [first, ...rest] = nodes;
  if (first?.type === 'text') {
    const value = first.value.replace(/^\s+/, '');
    return value ? [{ ...first, value }, ...rest] : rest;
  }
  return nodes;
}

/** Splits phrasing content into sentences, never inside bold, links or math. */
export function splitSentences(children: PhrasingContent[]): PhrasingContent[][] {
  const out: PhrasingContent[][] = [[]];
  for (const child of children) {
    if (child.type !== 'text') {
      out.at(-1)!.push(child);
      continue;
    }
    const value = child.value;
    let last = 0;
    for (const m of value.matchAll(/([.!?])(\s+)(?=["“(\[]?[\p{Lu}\d])/gu)) {
      const end = m.index! + 1;
      if (ABBREVIATION.test(value.slice(0, end))) continue;
      out.at(-1)!.push({ type: 'text', value: value.slice(last, end) });
      out.push([]);
      last = end + m[2]!.length;
    }
    if (last < value.length) out.at(-1)!.push({ type: 'text', value: value.slice(last) });
  }
  return out.map(trimStart).filter((s) => plain(s).trim());
}

/** Parsed answers: each answer is cut once however often it is merged (the trees are only read). */
const parsed = new Map<string, RootContent[]>();
const PARSED_LIMIT = 20_000;

export function segment(markdown: string, source: string, variant: number): Unit[] {
  let nodes = parsed.get(markdown);
  if (!nodes) {
    // Bounded: a long run over many corpora (the fuzz test) keeps only recent answers.
    if (parsed.size >= PARSED_LIMIT) parsed.clear();
    parsed.set(markdown, (nodes = parseUntrusted(markdown).children));
  }
  const units: Unit[] = [];
  let heading: Heading | null = null;
  const push = (unit: Omit<Unit, 'source' | 'variant' | 'seq'>) => units.push({ source, variant, seq: units.length, ...unit });

  let lists = 0;
  const items = (list: List, under: Heading | null) => {
    const index = lists++;
    for (const item of list.children as ListItem[]) {
      const [first, ...rest] = item.children;
      if (first?.type === 'paragraph') {
        const { label, body } = splitLabel(first.children);
        push({ heading: under, label, body, blocks: rest as RootContent[], kind: 'item', leansOn: null, ordered: !!list.ordered, list: index });
      } else push({ heading: under, label: null, body: [], blocks: item.children as RootContent[], kind: 'block', leansOn: null, ordered: !!list.ordered, list: index });
    }
  };

  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (isLabelParagraph(node)) {
      const text = toString(node).trim().replace(/:$/, '').trim();
      // "**Where:**" and its list explain the formula before them.
      if (/^(?:where|here)\b/i.test(text) && units.length) {
        units.at(-1)!.blocks.push(node);
        if (nodes[i + 1]?.type === 'list') units.at(-1)!.blocks.push(nodes[++i]!);
        continue;
      }
      // A heading right under another ("**Autoregressive Modeling: Explanation**", "**Definition:**") is a part of
      // that sub-topic: the points under it are about the sub-topic.
      if (isLabelParagraph(nodes[i - 1]) && heading?.node === nodes[i - 1]) continue;
      heading = { node: node as Paragraph, text, style: 'label' };
      continue;
    }
    if (node.type === 'paragraph' && /:\s*$/.test(toString(node)) && nodes[i + 1]?.type === 'list' && !isLabelParagraph(node)) {
      // The sentence ending in ":" introduces the list; the sentences before it are points.
      const sentences = splitSentences(node.children);
      const last = sentences.pop()!;
      for (const sentence of sentences) {
        const previous = units.at(-1);
        const leans = leansBack(plain(sentence)) && previous && previous.heading === heading ? previous.seq : null;
        push({ heading, label: null, body: sentence, blocks: [], kind: 'sentence', leansOn: leans, ordered: false });
      }
      const leadIn: Heading = { node: { type: 'paragraph', children: last }, text: plain(last).trim().replace(/:$/, '').trim(), style: 'lead-in' };
      items(nodes[++i] as List, leadIn);
      continue;
    }
    if (node.type === 'list') {
      items(node, heading);
      continue;
    }
    if (node.type === 'paragraph') {
      const { label, body } = splitLabel(node.children);
      if (label) {
        push({ heading, label, body, blocks: [], kind: 'item', leansOn: null, ordered: false });
        continue;
      }
      for (const sentence of splitSentences(node.children)) {
        const previous = units.at(-1);
        const leans = leansBack(plain(sentence)) && previous && previous.heading === heading ? previous.seq : null;
        push({ heading, label: null, body: sentence, blocks: [], kind: 'sentence', leansOn: leans, ordered: false });
      }
      continue;
    }
    // A formula, table or code block belongs to the point before it under the same heading.
    const previous = units.at(-1);
    if (previous && previous.heading === heading) previous.blocks.push(node);
    else push({ heading, label: null, body: [], blocks: [node], kind: 'block', leansOn: null, ordered: false });
  }
  return units;
}

export const unitText = (unit: Pick<Unit, 'label' | 'body'>) => plain([...(unit.label ?? []), { type: 'text', value: ' ' }, ...unit.body]).trim();

/** Text of the blocks that count towards what a point says (nested lists, tables), not formulas or code. */
export function blockText(unit: Pick<Unit, 'blocks'>): string {
  return unit.blocks
    .filter((b) => b.type !== 'math' && b.type !== 'code')
    .map((b) => plainText([b]))
    .join(' ');
}

/** LaTeX of every formula in a point, inline and display. */
export function formulas(unit: Pick<Unit, 'label' | 'body' | 'blocks'>): string[] {
  const out: string[] = [];
  const visit = (node: { type: string; value?: string; children?: unknown[] }) => {
    if ((node.type === 'math' || node.type === 'inlineMath') && node.value) out.push(node.value);
    for (const child of (node.children ?? []) as (typeof node)[]) visit(child);
  };
  for (const n of [...(unit.label ?? []), ...unit.body, ...unit.blocks]) visit(n as never);
  return out;
}
