/**
 * Source text is untrusted. It is parsed as plain CommonMark (with GFM tables and `$` math, never MDX), any raw
 * HTML it contains becomes literal text, links keep only http(s) and in-site targets, and the tree is
 * serialised with the MDX escaping rules, so `{`, `}` and `<` come out escaped and nothing from a source can
 * become JSX, HTML or an expression.
 */
import type { Nodes, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFootnoteFromMarkdown, gfmFootnoteToMarkdown } from 'mdast-util-gfm-footnote';
import { gfmTableFromMarkdown, gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { mathFromMarkdown, mathToMarkdown } from 'mdast-util-math';
import { mdxToMarkdown } from 'mdast-util-mdx';
import { defaultHandlers, toMarkdown, type Handle, type Options as ToMarkdownOptions } from 'mdast-util-to-markdown';
import { toString } from 'mdast-util-to-string';
import { removePosition } from 'unist-util-remove-position';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmTable } from 'micromark-extension-gfm-table';
import { math } from 'micromark-extension-math';

const SAFE_URL = /^(?:https?:\/\/|\/|#)/i;

/**
 * Each distinct text is parsed once per process: an answer is read by cleaning, the editors' stage, term links,
 * every page it is on, search text and the Anki deck, and parsing is most of the ingest's time. The trees kept
 * have no positions (nothing downstream of an entry file reads them), and callers get their own copy, as trees
 * are edited in place.
 */
const parsed = new Map<string, Root>();

/** The parser's extensions, made once: combining them is a noticeable part of parsing a short text. */
const syntax = [gfmTable(), math(), gfmFootnote()];
const trees = [gfmTableFromMarkdown(), mathFromMarkdown(), gfmFootnoteFromMarkdown()];
const fileSyntax = [...syntax, frontmatter(['yaml'])];
const fileTrees = [...trees, frontmatterFromMarkdown(['yaml'])];

/** Parses source text as Markdown and makes it inert (see the module comment). */
export function parseUntrusted(markdown: string): Root {
  let tree = parsed.get(markdown);
  if (!tree) {
    tree = withoutPositions(parseFresh(markdown));
    parsed.set(markdown, tree);
  }
  return copy(tree);
}

/** A deep copy of plain data (a tree without positions), several times faster than structuredClone. */
function copy<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(copy) as T;
  const out: Record<string, unknown> = {};
  for (const key in value) out[key] = copy((value as Record<string, unknown>)[key]);
  return out as T;
}

/**
 * An answer as the stages hand it on: the tree its file's parse made, without positions (the lines they give are
 * read before it is handed on). A stage that changes it makes a new tree, and it is written as Markdown only
 * where a page or kb.json needs text.
 */
export const answerTree = (tree: Root): Root => withoutPositions(tree);

function withoutPositions<T extends Nodes>(tree: T): T {
  removePosition(tree, { force: true });
  return tree;
}

function parseFresh(markdown: string, withFrontmatter = false): Root {
  const tree = fromMarkdown(markdown, {
    // Footnotes are how the editors' answers cite the original answers (editorial/apply.ts).
    extensions: withFrontmatter ? fileSyntax : syntax,
    mdastExtensions: withFrontmatter ? fileTrees : trees,
  });
  neutralise(tree);
  return tree;
}

/** A whole file of untrusted Markdown with YAML frontmatter (an editors' entry file), parsed once: the `yaml` node first. */
export function parseUntrustedFile(text: string): Root {
  return parseFresh(text, true);
}

function neutralise(node: Nodes): void {
  if (!('children' in node)) return;
  const parent = node as Parent;
  parent.children = parent.children.flatMap((child): RootContent[] => {
    switch (child.type) {
      case 'html':
        return [{ type: 'text', value: child.value }];
      case 'image':
      case 'imageReference':
        return child.alt ? [{ type: 'text', value: child.alt }] : [];
      case 'link':
        // A link that could run script is shown as the characters it was written with.
        if (!SAFE_URL.test(child.url.trim())) {
          const label = toString(child);
          return [{ type: 'text', value: label === child.url ? `<${child.url}>` : `[${label}](${child.url})` }];
        }
        break;
      case 'definition':
        return [];
      case 'linkReference':
        neutralise(child);
        return child.children;
    }
    neutralise(child);
    return [child];
  });
}

/**
 * Math in source text, by Pandoc's rule: `$$…$$`, or `$…$` whose inside neither starts nor ends with a space
 * and whose closing `$` is not followed by a digit, so "$5 and $10" and a lone "$" are not math.
 */
export const MATH_SPAN = /(\$\$[^$]+?\$\$|\$(?=[^\s$])[^$\n]*?[^\s$\\]\$(?!\d)|\$[^\s$]\$(?!\d))/;

/**
 * Source text means its characters: a backslash, an ampersand or a dollar outside math is shown, not read as a
 * Markdown escape, a character reference or the start of math. Math spans keep their LaTeX.
 */
export function protectSourceText(text: string): string {
  return text
    .split(MATH_SPAN)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/\\/g, '\\\\').replace(/&/g, '&amp;').replace(/\$/g, '\\$')))
    .join('');
}

/**
 * One line that no Markdown construct can start in: it opens with a letter, ends without a space, and has none
 * of the characters that open inline syntax (`\\ & * _ \` [ ] ! < $`), or any line break or tab.
 */
const PLAIN_LINE = /^\p{L}[\p{L}\p{M}\p{N} ,.;:?'"()/%+=\u2018\u2019\u201c\u201d\u2013\u2014-]*(?<! )$/u;

/** Phrasing content of one line of source text; block syntax in it ("# x", "***", a fence) stays as its text. */
export function parseInline(text: string): PhrasingContent[] {
  // Most lines are words and plain punctuation, which Markdown reads as one text node: no need to parse them.
  if (PLAIN_LINE.test(text)) return [{ type: 'text', value: text }];
  const tree = parseUntrusted(protectSourceText(text));
  const [first] = tree.children;
  if (tree.children.length === 1 && first?.type === 'paragraph') return first.children;
  return [{ type: 'text', value: text }];
}

/**
 * Text as the library writes it, with only the escaping rules whose character occurs in the text or around it:
 * every rule matches its own character, so the others cannot apply, and trying each rule's expression on every
 * text was the ingest's largest cost.
 */
const text: Handle = (node, parent, state, info) => {
  const around = (info.before ?? '') + (node as { value: string }).value + (info.after ?? '');
  const rules = state.unsafe;
  state.unsafe = rules.filter((rule) => around.includes(rule.character));
  try {
    return defaultHandlers.text(node as never, parent as never, state, info);
  } finally {
    state.unsafe = rules;
  }
};

const serialiseOptions: ToMarkdownOptions = {
  handlers: { text },
  bullet: '-',
  emphasis: '*',
  strong: '*',
  fences: true,
  listItemIndent: 'one',
  rule: '-',
  extensions: [gfmTableToMarkdown(), mathToMarkdown(), gfmFootnoteToMarkdown(), mdxToMarkdown()],
  unsafe: [
    // A lone closing brace is as unsafe as an opening one for MDX.
    { character: '}', inConstruct: ['phrasing'] },
    { atBreak: true, character: '}' },
    // A line starting "import" or "export" would be read by MDX as JavaScript.
    { atBreak: true, character: 'i', after: 'mport\\b' },
    { atBreak: true, character: 'e', after: 'xport\\b' },
  ],
};

/** Serialises a tree to Markdown that MDX reads back as exactly this tree, with no JSX or expressions. */
export function serialise(tree: Root): string {
  return toMarkdown(tree, serialiseOptions).trim();
}

/**
 * Serialises a tree a parse made (edited only with nodes a parse makes) and keeps it as the parse of the text
 * written: the stage that reads the text next gets this tree instead of parsing it again.
 */
export function serialiseParsed(tree: Root): string {
  const markdown = serialise(tree);
  if (!parsed.has(markdown)) {
    parsed.set(markdown, joinTexts(withoutPositions(copy(tree))));
    kept.add(markdown);
  }
  return markdown;
}

/** The texts whose tree was kept from the tree they were written from, never parsed (for the tests). */
const kept = new Set<string>();

/** Each text written by serialiseParsed, with the tree kept for it and the tree a parse of the text gives. */
export function keptTrees(): { markdown: string; kept: Root; parsed: Root }[] {
  return [...kept].map((markdown) => ({ markdown, kept: parsed.get(markdown)!, parsed: withoutPositions(parseFresh(markdown)) }));
}

/** Adjacent text nodes as one, as a parse reads them (an edit that removes a node between two leaves them apart). */
function joinTexts<T>(node: T): T {
  const parent = node as { children?: RootContent[] };
  if (!Array.isArray(parent.children)) return node;
  const children: RootContent[] = [];
  for (const child of parent.children) {
    const last = children.at(-1);
    if (child.type === 'text' && last?.type === 'text') children[children.length - 1] = { ...last, value: last.value + child.value };
    else children.push(joinTexts(child));
  }
  parent.children = children;
  return node;
}

/** Source Markdown in, MDX-safe Markdown out. */
export function sanitiseMarkdown(markdown: string): string {
  return serialise(parseUntrusted(protectSourceText(markdown)));
}

const escaped = new Map<string, string>();

/** A plain line (see PLAIN_LINE) is written as it is, unless MDX would read it as a line of JavaScript. */
const writtenAsIs = (text: string) => PLAIN_LINE.test(text) && !/^(?:import|export)\b/i.test(text);

/** Markdown written by the editors, MDX-safe: parsed as untrusted text and written again; a plain line is already. */
export function rewriteMarkdown(markdown: string): string {
  return writtenAsIs(markdown) ? markdown : serialiseParsed(parseUntrusted(markdown));
}

/** A line of source text (a question, a title) as inline Markdown: keeps its math, escapes everything else. */
export function inlineMarkdown(text: string): string {
  return writtenAsIs(text) ? text : serialise({ type: 'root', children: [{ type: 'paragraph', children: parseInline(text) }] });
}

/** A link whose label is text ("[CLS]" stays inside the label); a plain label and a plain site path are written as they are. */
export function linkMarkdown(text: string, href: string): string {
  if (writtenAsIs(text) && /^[\w/#.-]+$/.test(href)) return `[${text}](${href})`;
  return serialise({ type: 'root', children: [{ type: 'paragraph', children: [{ type: 'link', url: href, children: [{ type: 'text', value: text }] }] }] });
}

/** Escapes plain text (a question, a title) for use inside MDX Markdown. */
export function escapeText(text: string): string {
  if (writtenAsIs(text)) return text;
  let out = escaped.get(text);
  if (out === undefined) {
    out = serialise({ type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: text }] }] });
    escaped.set(text, out);
  }
  return out;
}
