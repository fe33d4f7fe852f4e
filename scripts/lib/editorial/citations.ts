/**
 * The citations of an editors' answer, written as GFM footnotes (read/entry-files.ts), as each place needs them:
 * kb.json keeps the answer without them and lists the credits as data (which answers make which point); the
 * pages turn each into a superscript that links to the original answer (render/pages.ts).
 */
import type { FootnoteDefinition, Nodes, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { serialiseParsed } from '../shared/markdown.ts';

/** What a footnote cites: answers by source and line, the entry's corrections, or the editors' own point. */
export interface Cited {
  answers: { source: string; line: number }[];
  correction: boolean;
  editors: boolean;
}

/** A point of the answer and what it cites. */
export interface Credit extends Cited {
  /** The point's text, plain: the words before the citation, since the block's start or the last citation. */
  point: string;
}

/** The footnote definitions of an answer, by label. */
export function definitionsOf(tree: Root): Map<string, Cited> {
  const found = new Map<string, Cited>();
  for (const node of tree.children) {
    if (node.type !== 'footnoteDefinition') continue;
    const text = toString(node as FootnoteDefinition).trim();
    // Besides answers, a footnote cites `correction` or `editors`.
    const answers = text === 'correction' || text === 'editors' ? [] : text.split(/\s*,\s*/).map((name) => ({ source: name.slice(0, name.lastIndexOf(':')), line: Number(name.slice(name.lastIndexOf(':') + 1)) }));
    found.set(node.identifier, { answers, correction: text === 'correction', editors: text === 'editors' });
  }
  return found;
}

/**
 * A new tree in which each run of footnote references is what `replace` makes of their citations, without the
 * definitions; the tree given is left as it was.
 */
export function replaceCitations(tree: Root, replace: (cited: Cited[], point: string) => PhrasingContent[]): Root {
  const definitions = definitionsOf(tree);
  // A citation on a line of its own cites the block before it (a table or a display formula).
  const walk = <N extends Nodes>(node: N, before = ''): N => {
    if (!('children' in node)) return node;
    const parent = node as Parent;
    const children: RootContent[] = [];
    let run: Cited[] = [];
    let since = 0;
    const flush = () => {
      if (!run.length) return;
      const point = toString({ type: 'paragraph', children: children.slice(since) as PhrasingContent[] }).trim() || before;
      children.push(...(replace(run, point) as RootContent[]));
      since = children.length;
      run = [];
    };
    for (const child of parent.children as RootContent[]) {
      if (child.type === 'footnoteDefinition') continue;
      if (child.type === 'footnoteReference') {
        const cited = definitions.get(child.identifier);
        if (cited) run.push(cited);
        continue;
      }
      flush();
      const walked = walk(child, toString(children.at(-1) ?? { type: 'text', value: '' }).trim());
      // A paragraph that held only citations goes with them.
      if (walked.type !== 'paragraph' || walked.children.length) children.push(walked);
    }
    flush();
    return { ...node, children } as N;
  };
  return walk(tree);
}

/** The answer without its citations: what a reader reads, searches and studies. */
export function stripCitations(answer: Root): string {
  let stripped = withoutCitations.get(answer);
  if (stripped === undefined) withoutCitations.set(answer, (stripped = serialiseParsed(replaceCitations(answer, () => []))));
  return stripped;
}

/** kb.json and the pages' descriptions both read an answer without its citations: it is written once. */
const withoutCitations = new WeakMap<Root, string>();

/** The credits of an answer: each cited point and the answers (or the correction) it cites. */
export function creditsOf(answer: Root | null): Credit[] {
  if (!answer) return [];
  const credits: Credit[] = [];
  replaceCitations(answer, (cited, point) => {
    const answers = cited.flatMap((c) => c.answers).filter((a, i, all) => all.findIndex((b) => b.source === a.source && b.line === a.line) === i);
    credits.push({ point, answers, correction: cited.some((c) => c.correction), editors: cited.some((c) => c.editors) });
    return [];
  });
  return credits;
}
