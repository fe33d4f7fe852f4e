/**
 * Turns an answer's raw lines into clean Markdown: restores lists, tables, code and display math, joins
 * lines the PDF extraction broke, repairs hyphenation and math, and drops stray bullet or digit lines.
 * The result is built as a Markdown tree and serialised MDX-safe (see shared/markdown.ts).
 */
import type { BlockContent, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Table } from 'mdast';
import type { AnswerForm, SourceLine } from '../parse/types.ts';
import { parseInline, serialise } from '../shared/markdown.ts';
import { joinBroken, type Lexicon, restoreCompounds } from '../text/lexicon.ts';
import { displayMath, repairMath } from './math.ts';
import { readsAsProse, splitRunTogether } from './run-together.ts';

type Item =
  | { kind: 'bullet'; text: string; depth: number; ordered?: number; blankBefore: boolean }
  | { kind: 'ordered'; text: string; n: number; blankBefore: boolean }
  | { kind: 'label'; text: string; blankBefore: boolean }
  | { kind: 'row'; cells: string[]; blankBefore: boolean }
  | { kind: 'code'; text: string; blankBefore: boolean }
  | { kind: 'math'; latex: string; blankBefore: boolean }
  | { kind: 'text'; text: string; indented: boolean; blankBefore: boolean };

const BULLET = /^(\s*)(?:[-•·▪‣*]|o(?=\s+[A-Z]))\s+(.*)$/;
const ORDERED = /^(\d{1,2})\.\s+(.*)$/;
const CODE = /^(?:from\s+[\w.]+\s+import\s|import\s+[\w.]+|[A-Za-z_]\w*\s*=\s*[A-Za-z_][\w.]*\()/;
const LABEL_WORDS = 6;
const HEADING_WORDS = 8;
const CONNECTOR_END = /\b(?:and|or|of|to|the|with|for|in|a|an)$/i;
const ENDS_SENTENCE = /[.!?:;]["')\]*]*$/;

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
/** "Decoder: Generates …" lost the bold its sibling "**Encoder:** Encodes …" kept: give it back. */
const LEAD_LABEL = /^([A-Z][^:*]{0,40}?):\s+(?=\S)/;
function boldLeadLabel(text: string): string {
  const match = LEAD_LABEL.exec(text);
  if (!match || words(match[1]!) > 5 || /[.?!]/.test(match[1]!)) return text;
  return `**${match[1]}:** ${text.slice(match[0].length)}`;
}
const isLabel = (text: string) => /:(?:\*\*)?$/.test(text) && words(text.replace(/\*\*/g, '')) <= LABEL_WORDS;

export interface CleanedAnswer {
  markdown: string;
  /** Lines dropped as stray artifacts (a lone bullet or digit). */
  droppedLines: number;
}

export function cleanAnswer(lines: SourceLine[], form: AnswerForm, lexicon: Lexicon): CleanedAnswer {
  const phrasing = (text: string) => inline(text, lexicon);
  if (form === 'points') return finish(pointsToTree(lines, lexicon, phrasing), 0);
  if (form === 'run-together') return finish(runTogetherToTree(lines, phrasing), 0);
  const { items, dropped } = classify(lines);
  return finish(itemsToTree(mergeBroken(items, lexicon), phrasing), dropped);
}

function finish(children: RootContent[], droppedLines: number): CleanedAnswer {
  return { markdown: serialise({ type: 'root', children } as Root), droppedLines };
}

function inline(text: string, lexicon: Lexicon): PhrasingContent[] {
  return parseInline(repairMath(restoreCompounds(text.trim(), lexicon)));
}

function paragraphOrMath(text: string, phrasing: (t: string) => PhrasingContent[]): RootContent {
  const latex = displayMath(repairMath(text.trim()));
  if (latex !== undefined) return { type: 'math', value: latex };
  return { type: 'paragraph', children: phrasing(text) };
}

function classify(lines: SourceLine[]): { items: Item[]; dropped: number } {
  const items: Item[] = [];
  let blankBefore = false;
  let dropped = 0;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text.replace(/\u00a0/g, ' ').trimEnd();
    // A display formula written over several lines, between "$$" lines of their own, is one block.
    const close = text.trim() === '$$' ? lines.findIndex((l, j) => j > i && l.text.trim() === '$$') : -1;
    if (close > i + 1) {
      const latex = displayMath(`$$${lines.slice(i + 1, close).map((l) => l.text.trim()).join(' ')}$$`);
      if (latex !== undefined) {
        items.push({ kind: 'math', latex, blankBefore });
        blankBefore = false;
        i = close;
        continue;
      }
    }
    if (!text.trim()) {
      blankBefore = true;
      continue;
    }
    if (!/[\p{L}]/u.test(text)) {
      dropped++;
      continue;
    }
    items.push(classifyLine(text, blankBefore));
    blankBefore = false;
  }
  return { items, dropped };
}

function classifyLine(text: string, blankBefore: boolean): Item {
  const trimmed = text.trim();
  if (text.includes('\t')) return { kind: 'row', cells: text.split('\t').map((c) => c.trim()), blankBefore };
  const latex = displayMath(trimmed);
  if (latex !== undefined) return { kind: 'math', latex, blankBefore };
  if (CODE.test(trimmed)) return { kind: 'code', text: trimmed, blankBefore };
  const bullet = BULLET.exec(text);
  if (bullet) {
    const body = bullet[2]!.trim();
    const ordered = ORDERED.exec(body);
    if (ordered) return { kind: 'bullet', text: ordered[2]!, depth: 0, ordered: Number(ordered[1]), blankBefore };
    if (isLabel(body) && bullet[1] === '') return { kind: 'label', text: body, blankBefore };
    return { kind: 'bullet', text: body, depth: bullet[1]!.length > 0 ? 1 : 0, blankBefore };
  }
  const ordered = ORDERED.exec(trimmed);
  if (ordered) return { kind: 'ordered', text: ordered[2]!, n: Number(ordered[1]), blankBefore };
  if (isLabel(trimmed)) return { kind: 'label', text: trimmed, blankBefore };
  return { kind: 'text', text: trimmed, indented: /^\s/.test(text), blankBefore };
}

/** Joins what the extraction broke: a paragraph cut mid-sentence, a bullet cut after "and". */
function mergeBroken(items: Item[], lexicon: Lexicon): Item[] {
  const out: Item[] = [];
  for (const item of items) {
    const previous = out.at(-1);
    if (previous && item.kind === 'text' && !item.indented && 'text' in previous && previous.kind !== 'label' && previous.kind !== 'code') {
      const continues = /^[\p{Ll}(]/u.test(item.text) && !ENDS_SENTENCE.test(previous.text);
      const sameParagraph = previous.kind === 'text' && !item.blankBefore;
      if (continues || sameParagraph || /\p{L}-$/u.test(previous.text)) {
        previous.text = joinBroken(previous.text, item.text, lexicon);
        continue;
      }
    }
    if (previous?.kind === 'bullet' && item.kind === 'bullet' && /^\p{Ll}/u.test(item.text) && CONNECTOR_END.test(previous.text)) {
      previous.text = joinBroken(previous.text, item.text, lexicon);
      continue;
    }
    // A function name printed on its own line before its formula: "Attention" / "$$(Q, K, V) = …$$".
    if (previous?.kind === 'text' && item.kind === 'math' && !item.blankBefore && /^\p{L}+$/u.test(previous.text) && item.latex.startsWith('(')) {
      out[out.length - 1] = { kind: 'math', latex: `\\operatorname{${previous.text}}${item.latex}`, blankBefore: previous.blankBefore };
      continue;
    }
    if (previous?.kind === 'code' && item.kind === 'code') {
      previous.text += `\n${item.text}`;
      continue;
    }
    out.push(item);
  }
  return out;
}

function itemsToTree(items: Item[], phrasing: (t: string) => PhrasingContent[]): RootContent[] {
  const out: RootContent[] = [];
  // Children of a numbered label ("1. Data Alignment:") nest under it until the next number.
  let numberedLabel: ListItem | undefined;
  const target = (): RootContent[] => (numberedLabel ? (numberedLabel.children as RootContent[]) : out);

  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    switch (item.kind) {
      case 'ordered': {
        const label = isLabel(item.text);
        const content = phrasing(item.text);
        const listItem: ListItem = {
          type: 'listItem',
          spread: false,
          children: [{ type: 'paragraph', children: label ? [{ type: 'strong', children: content }] : content }],
        };
        const last = out.at(-1);
        if (last?.type === 'list' && last.ordered) last.children.push(listItem);
        else out.push({ type: 'list', ordered: true, start: item.n, spread: false, children: [listItem] });
        numberedLabel = label ? listItem : undefined;
        break;
      }
      case 'bullet': {
        const container = target();
        const ordered = item.ordered !== undefined;
        const last = container.at(-1);
        const listItem: ListItem = { type: 'listItem', spread: false, children: [{ type: 'paragraph', children: phrasing(boldLeadLabel(item.text)) }] };
        if (item.depth > 0 && last?.type === 'list' && !last.ordered && last.children.length > 0 && container.length > 0 && items[i - 1]?.kind === 'bullet' && (items[i - 1] as { depth: number }).depth >= 0 && nestedAllowed(items, i)) {
          const parent = last.children.at(-1)!;
          const nested = parent.children.at(-1);
          if (nested?.type === 'list' && !nested.ordered) nested.children.push(listItem);
          else parent.children.push({ type: 'list', ordered: false, spread: false, children: [listItem] });
        } else if (last?.type === 'list' && Boolean(last.ordered) === ordered) {
          last.children.push(listItem);
        } else {
          container.push({ type: 'list', ordered, start: ordered ? item.ordered : undefined, spread: false, children: [listItem] } as List);
        }
        break;
      }
      case 'label':
        target().push({ type: 'paragraph', children: [{ type: 'strong', children: phrasing(item.text.replace(/\*\*/g, '')) }] });
        break;
      case 'row': {
        const rows = [item.cells];
        while (items[i + 1]?.kind === 'row') rows.push((items[++i] as { cells: string[] }).cells);
        target().push(toTable(rows, phrasing));
        break;
      }
      case 'code':
        target().push({ type: 'code', lang: 'python', value: item.text });
        break;
      case 'math':
        target().push({ type: 'math', value: item.latex });
        break;
      case 'text': {
        const heading = !ENDS_SENTENCE.test(item.text) && words(item.text) <= HEADING_WORDS && i + 1 < items.length;
        target().push(
          heading
            ? { type: 'paragraph', children: [{ type: 'strong', children: phrasing(item.text) }] }
            : paragraphOrMath(item.text, phrasing),
        );
        break;
      }
    }
  }
  return out;
}

/** A bullet indented under another bullet nests; an indented bullet with no bullet before it does not. */
function nestedAllowed(items: Item[], i: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    const item = items[k]!;
    if (item.kind !== 'bullet') return false;
    if (item.depth === 0) return true;
  }
  return false;
}

function toTable(rows: string[][], phrasing: (t: string) => PhrasingContent[]): Table {
  const width = Math.max(...rows.map((r) => r.length));
  return {
    type: 'table',
    align: Array.from({ length: width }, () => null),
    children: rows.map((cells) => ({
      type: 'tableRow',
      children: Array.from({ length: width }, (_, k) => ({ type: 'tableCell', children: phrasing(cells[k] ?? '') })),
    })),
  };
}

/** Flashcards with markers: each blank-separated block is one point. */
function pointsToTree(lines: SourceLine[], lexicon: Lexicon, phrasing: (t: string) => PhrasingContent[]): RootContent[] {
  const blocks: string[] = [];
  let current: string | undefined;
  for (const { text } of lines) {
    if (!text.trim()) {
      if (current !== undefined) blocks.push(current);
      current = undefined;
    } else {
      current = current === undefined ? text.trim() : joinBroken(current, text, lexicon);
    }
  }
  if (current !== undefined) blocks.push(current);
  return blocks.length === 1 ? [paragraphOrMath(blocks[0]!, phrasing)] : [toList(blocks, phrasing)];
}

function toList(points: string[], phrasing: (t: string) => PhrasingContent[]): List {
  return {
    type: 'list',
    ordered: false,
    spread: false,
    children: points.map((p) => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: phrasing(p) } as BlockContent] })),
  };
}

/** Flashcards without markers: the points of the answer run together on one line. */
function runTogetherToTree(lines: SourceLine[], phrasing: (t: string) => PhrasingContent[]): RootContent[] {
  const text = lines.map((l) => l.text.trim()).filter(Boolean).join(' ');
  if (readsAsProse(text)) return proseParagraphs(text).map((p) => paragraphOrMath(boldLeadLabel(p), phrasing));
  const { leadIn, points } = splitRunTogether(text);
  const out: RootContent[] = [];
  if (leadIn) out.push({ type: 'paragraph', children: phrasing(leadIn) } as Paragraph);
  out.push(points.length === 1 ? paragraphOrMath(points[0]!, phrasing) : toList(points, phrasing));
  return out;
}

/**
 * Sentences run together ("lengths.The Problem: …"): restore the space, start a paragraph at each label, and
 * set a run-in heading ("Padding masks - for handling variable lengths Computers love …") apart in bold.
 */
function proseParagraphs(text: string): string[] {
  return text
    .replace(/([a-z)"])\.([A-Z])/g, '$1. $2')
    .replace(/(^|[.!?]\s+)([A-Z][^.!?:]*? - [a-z][^.!?:]*?)\s+(?=[A-Z][a-z]+\s)/g, '$1\n**$2**\n')
    .split('\n')
    .flatMap((part) => part
    .split(/(?<=[.!?"])\s+(?=(?:The\s+)?[A-Z][a-z]+:\s)/))
    .map((p) => p.trim())
    .filter(Boolean);
}
