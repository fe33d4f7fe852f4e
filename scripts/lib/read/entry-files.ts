/**
 * The editors' files: one Markdown file per entry they decide something about, sources/entries/<id>.md, named
 * by the entry's permanent id. The frontmatter holds the decisions (schema.ts, EntryFileSchema); the body is the
 * editors' answer, whose points cite the original answers with GFM footnotes: `…a point.[^part-6]` and, at the
 * end, `[^part-6]: part-6:20` (the answers it draws on, by source and line), `[^fix]: correction` (the
 * entry's corrections) or `[^ed]: editors` (a point the editors add, drawing on the file's `references`). A file
 * with `question` asks the editors' own question, and its body answers it. Parsed once into a tree; problems are
 * vfile messages at their line.
 */
import type { FootnoteDefinition, Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { check, error_, type Positioned, readPositioned, type VFile } from '../shared/check.ts';
import { answerTree, parseUntrustedFile } from '../shared/markdown.ts';
import { type EntryFileData, EntryFileSchema, QuestionName } from './schema.ts';

export const ENTRIES_DIR = 'sources/entries';

/** A question named in an editors' file: its source and line, and where the name is written. */
export interface Named {
  source: string;
  line: number;
  /** The line of the file that names it. */
  at: number;
}

/** What a footnote of the editors' answer cites: original answers, the entry's corrections, or the editors' own point. */
export interface Citation {
  label: string;
  answers: Named[];
  correction: boolean;
  editors: boolean;
  at: number;
}

/** An editors' own question (`question` in the frontmatter): its wording and the file's line that writes it. */
export interface EditorsQuestion {
  question: string;
  line: number;
}

export interface EntryFile {
  /** The entry's permanent id (the file's name). */
  id: string;
  /** The editors' own questions, answered by the body. */
  questions: EditorsQuestion[];
  vfile: VFile;
  data: EntryFileData;
  /** The line of the value at a path of the frontmatter. */
  lineOf: Positioned['lineOf'];
  /** The editors' answer with its footnotes, as parsed (answerTree); absent when the file has no body. */
  answer?: Root;
  answerLine: number;
  citations: Citation[];
  /** The lines of the answer's points that cite nothing (uncitedPoints). */
  uncited: number[];
}

export const nameOf = (q: { source: string; line: number }) => `${q.source}:${q.line}`;
export function parseName(name: string, at: number): Named {
  const split = name.lastIndexOf(':');
  return { source: name.slice(0, split), line: Number(name.slice(split + 1)), at };
}

/** Parses and checks one entry file; problems go to its vfile, and the file is left out when it is unreadable. */
export function parseEntryFile(vfile: VFile): EntryFile | undefined {
  const id = vfile.stem!;
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) error_(vfile, `"${id}" is not an entry id: name the file by the entry's permanent id (sources/entry-ids.json)`, 1, 'file-name');
  // A control character is invisible in an editor and forbidden in HTML; it is typically a TeX command such as
  // \alpha written through a string escape ("\a" is the bell character).
  String(vfile.value)
    .split('\n')
    .forEach((line, i) => {
      const at = line.search(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
      if (at >= 0) error_(vfile, `a control character (U+${line.codePointAt(at)!.toString(16).toUpperCase().padStart(4, '0')}) at column ${at + 1}: retype it (a TeX command such as \\alpha written through an escape becomes one)`, i + 1, 'control-character');
    });
  // Parsed once, as the sources' text is (no HTML, JSX or unsafe links): the frontmatter, then the answer.
  const tree = parseUntrustedFile(String(vfile.value));
  const [yaml, ...answer] = tree.children;
  if (yaml?.type !== 'yaml') {
    error_(vfile, 'an entry file starts with its frontmatter between "---" lines', 1, 'frontmatter');
    return undefined;
  }
  const read = readPositioned(yaml.value, vfile, yaml.position!.start.line + 1);
  if (!read) return undefined;
  const data = check(EntryFileSchema, { ...read, data: read.data ?? {} }, vfile);
  if (!data) return undefined;
  const answerLine = yaml.position!.end.line + 1;
  const wordings = data.question === undefined ? [] : [data.question].flat();
  const questions = wordings.map((question, i) => ({ question, line: read.lineOf(typeof data.question === 'string' ? ['question'] : ['question', i]) }));
  const file: EntryFile = { id, questions, vfile, data, lineOf: read.lineOf, answerLine, citations: [], uncited: [] };
  if (answer.length === 0) {
    if (data.answer) error_(vfile, 'the frontmatter has "answer" but the file has no answer under it: write the answer, or remove "answer"', read.lineOf(['answer']), 'answer');
    if (questions.length) error_(vfile, 'the file asks the editors\' "question" but has no answer: write the answer under the frontmatter', questions[0]!.line, 'answer');
    return file;
  }
  if (!data.answer && !questions.length) error_(vfile, 'the file has an answer but no "answer" in its frontmatter: add "answer" with "writtenFrom" and "reason", or the editors\' "question" it answers', answerLine, 'answer');
  const body: Root = { type: 'root', children: answer };
  file.citations = citationsOf(body, vfile);
  // Links inside the site are the ingest's to make (glossary terms, related entries), under the site's base path.
  visit(body, 'link', (link) => {
    if (/^[/#]/.test(link.url)) {
      error_(vfile, `a link to "${link.url}" inside the site: write "${toString(link)}" as plain text; the ingest links glossary terms and entries itself, under the site's base path`, link.position?.start.line, 'site-link');
    }
  });
  file.uncited = uncitedPoints(body);
  file.answer = answerTree(body);
  return file;
}

/**
 * The lines of an answer's points that cite nothing: a paragraph that ends a sentence, or a list item, with no
 * footnote reference. A list item under a lead-in that cites (the paragraph before its list, or the item its list
 * is in) takes that citation; a label ("**Remedies**", "Common patterns:"), math, a table or code makes no point
 * of its own. The lines are read here, where the tree still has its positions.
 */
export function uncitedPoints(answer: Root): number[] {
  const lines: number[] = [];
  const cites = (node: Nodes) => {
    let found = false;
    visit(node, 'footnoteReference', () => {
      found = true;
    });
    return found;
  };
  // A label ends with a colon, ends no sentence, or is all bold ("**How it is measured.**").
  const isLabel = (node: Nodes) => {
    if (node.type !== 'paragraph') return false;
    const text = toString(node).trim();
    const content = node.children.filter((c) => !(c.type === 'text' && !c.value.trim()) && c.type !== 'footnoteReference');
    return text.endsWith(':') || !/[.!?]["”’)]*$/.test(text) || (content.length === 1 && content[0]!.type === 'strong');
  };
  const walk = (children: readonly Nodes[], leadCites: boolean) => {
    let previous: Nodes | undefined;
    for (const node of children) {
      if (node.type === 'list') {
        const lead = leadCites || (previous?.type === 'paragraph' && cites(previous));
        for (const item of node.children) {
          const own = item.children.filter((c) => c.type !== 'list');
          const itemCites = own.some(cites);
          if (!itemCites && !lead && !own.every(isLabel)) lines.push(item.position!.start.line);
          walk(item.children.filter((c) => c.type === 'list'), lead || itemCites);
        }
      } else if (node.type === 'paragraph' && !cites(node) && !isLabel(node)) {
        lines.push(node.position!.start.line);
      }
      previous = node;
    }
  };
  walk(answer.children.filter((c) => c.type !== 'footnoteDefinition'), false);
  return lines;
}

/** The footnote definitions of an answer, read as what they cite; a reference with no definition is an error. */
function citationsOf(body: Root, vfile: VFile): Citation[] {
  const citations: Citation[] = [];
  visit(body, (node) => {
    if (node.type === 'text' && /\[\^[^\]\s]+\]/.test(node.value)) {
      error_(vfile, `${/\[\^[^\]\s]+\]/.exec(node.value)![0]} cites nothing: add its definition at the end, e.g. "[^part-6]: part-6:20"`, node.position?.start.line, 'citation');
    }
    if (node.type !== 'footnoteDefinition') return;
    const at = node.position!.start.line;
    const text = toString(node as FootnoteDefinition).trim();
    if (text === 'correction' || text === 'editors') {
      citations.push({ label: node.identifier, answers: [], correction: text === 'correction', editors: text === 'editors', at });
      return;
    }
    const names = text.split(/\s*,\s*/);
    const bad = names.find((n) => !QuestionName.safeParse(n).success);
    if (bad !== undefined) error_(vfile, `[^${node.label}] cites "${bad}": a citation names answers by source and line ("part-6:20", several separated by commas), or is "correction" or "editors"`, at, 'citation');
    else citations.push({ label: node.identifier, answers: names.map((n) => parseName(n, at)), correction: false, editors: false, at });
  });
  return citations;
}
