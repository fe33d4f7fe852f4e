/**
 * The knowledge base as an Anki deck, in Anki's text-import format (Anki 2.1.55+: "File > Import" reads the
 * `#key:value` headers): one Basic note per entry, the question on the front, the merged answer and the editors'
 * notes on the back, one subdeck per topic, tags for the topic and the sources.
 *
 * - GUID: derived from the entry's permanent id, never from its text, so importing a newer deck updates the
 *   notes (and keeps their review history) instead of adding duplicates.
 * - HTML: source text is untrusted. It is parsed as Markdown (shared/markdown.ts, raw HTML becomes text),
 *   converted to HTML and sanitised (hast-util-sanitize, GitHub's rules) before it reaches Anki.
 * - Math: `$…$` and `$$…$$` become `\(…\)` and `\[…\]`, the delimiters Anki renders with MathJax.
 * - Links within the site are relative to it and mean nothing in Anki: they keep their text only.
 * - Every field is quoted, with `"` doubled, as the CSV reader Anki uses expects; no field holds a tab or a
 *   line break, so a line of the file is a note.
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { defaultSchema, sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import type { InlineMath, Math } from 'mdast-util-math';
import type { Parent, PhrasingContent, Root, RootContent } from 'mdast';
import { toHast, type State } from 'mdast-util-to-hast';
import type { KnowledgeBase } from '../read/schema.ts';
import { parseInline, parseUntrusted } from '../shared/markdown.ts';

/** The parent deck; each topic is a subdeck of it. */
export const ANKI_DECK_NAME = 'Transformer & LLM Interview Questions';
/** Prefix of every note's GUID and tag, so they cannot collide with the person's other notes. */
const NAMESPACE = 'llm-interview';

export const ANKI_COLUMNS = ['GUID', 'Deck', 'Front', 'Back', 'Tags'] as const;

/** The note's GUID: the entry's permanent id, namespaced. Stable across rebuilds by construction. */
export const ankiGuid = (entryId: string) => `${NAMESPACE}:${entryId}`;

const NOTE_TITLES = { correction: "Editors' correction", note: "Editors' note" } as const;

/**
 * A site-relative link is not a link in Anki: its text stays, the link goes. A line break inside a paragraph is
 * a space, as in HTML, so that only code keeps its lines.
 */
function prepare(node: Root | Parent): void {
  node.children = node.children.flatMap((child): RootContent[] => {
    if (child.type === 'text') return [{ ...child, value: child.value.replace(/\s*\n\s*/g, ' ') }];
    if (child.type === 'link' && !/^https?:\/\//i.test(child.url)) {
      prepare(child);
      return child.children;
    }
    if ('children' in child) prepare(child);
    return [child];
  }) as typeof node.children;
}

const mathHandlers = {
  inlineMath: (_state: State, node: InlineMath): ElementContent => ({ type: 'text', value: `\\(${node.value}\\)` }),
  math: (_state: State, node: Math): Element => ({ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: `\\[${node.value}\\]` }] }),
};

/** Markdown tree to sanitised HTML on one line (line breaks inside code blocks become <br>). */
function toAnkiHtml(tree: Root): string {
  prepare(tree);
  const hast = toHast(tree, { handlers: mathHandlers }) as HastRoot;
  const clean = sanitize(hast, defaultSchema);
  return toHtml(clean)
    .replace(/\n(?=<)|(?<=>)\n/g, '')
    .replace(/\r?\n/g, '<br>')
    .replace(/\t/g, ' ');
}

/** A line that Markdown reads as a link reference definition: it would take the text after it out of its paragraph. */
const DEFINITION = /^ {0,3}\[(?:[^\]\\]|\\.)*\]:/m;

/**
 * `**label:** markdown`, then the blocks of `after`, as the tree a parse of that text gives, built from the trees
 * of the parts (each text is parsed once for the whole ingest). When the text starts otherwise than with a
 * paragraph, or holds a block a following one could fall into, the whole text is parsed as it reads.
 */
function labelled(label: string, markdown: string, after?: string): Root {
  const body = parseUntrusted(markdown);
  const [first] = body.children;
  const simple = first?.type === 'paragraph' && markdown === markdown.trimStart() && !DEFINITION.test(markdown) && (!after || body.children.every((c) => c.type === 'paragraph'));
  if (!simple) return parseUntrusted(`**${label}:** ${markdown}${after ? `\n\n${after}` : ''}`);
  const [lead, ...rest] = first.children;
  const start: PhrasingContent[] = lead?.type === 'text' ? [{ ...lead, value: ` ${lead.value}` }] : [{ type: 'text', value: ' ' }, ...(lead ? [lead] : [])];
  first.children = [{ type: 'strong', children: [{ type: 'text', value: `${label}:` }] }, ...start, ...rest];
  if (after) body.children.push(...parseUntrusted(after).children);
  return body;
}

const inlineHtml = (text: string) => toAnkiHtml({ type: 'root', children: [{ type: 'paragraph', children: parseInline(text) as PhrasingContent[] }] }).replace(/^<p>|<\/p>$/g, '');

/** One field as Anki's CSV reader reads it: always quoted, quotes doubled. */
const field = (value: string) => `"${value.replace(/"/g, '""')}"`;

/** Anki tags are separated by spaces: a tag is the id with anything else made a hyphen. */
const tag = (...parts: string[]) => [NAMESPACE, ...parts.map((p) => p.replace(/[^\p{L}\p{N}_-]+/gu, '-'))].join('::');

/** The deck file: headers, then one line per entry, in the knowledge base's order. */
export function renderAnkiDeck(kb: KnowledgeBase): string {
  const topicTitle = new Map(kb.topics.map((t) => [t.id, t.title]));
  const sourceName = new Map(kb.sources.map((s) => [s.id, s.shortTitle ?? s.title]));
  const headers = [
    '#separator:tab',
    '#html:true',
    '#notetype:Basic',
    '#guid column:1',
    '#deck column:2',
    '#tags column:5',
    `#columns:${ANKI_COLUMNS.join('\t')}`,
  ];
  const notes = kb.entries.map((entry) => {
    const full = entry.answer ? toAnkiHtml(parseUntrusted(entry.answer)) : '<p>No source answers this question yet.</p>';
    // The back opens on what to say first, as the site's card does.
    const answer = entry.short ? `${toAnkiHtml(labelled('In short', entry.short))}<hr>${full}` : full;
    const notes = entry.notes.map((note) => {
      const refs = note.refs.map((r) => `[${r.title.replace(/[[\]]/g, '')}](${r.url})`).join(' · ');
      return toAnkiHtml(labelled(NOTE_TITLES[note.kind], note.text, refs ? `${note.refs.length === 1 ? 'Reference' : 'References'}: ${refs}` : undefined));
    });
    const credit = toAnkiHtml({
      type: 'root',
      children: [{ type: 'paragraph', children: [{ type: 'emphasis', children: [{ type: 'text', value: `Asked in ${entry.sources.map((s) => sourceName.get(s) ?? s).join(', ')}.` }] }] }],
    });
    const deck = `${ANKI_DECK_NAME}::${topicTitle.get(entry.topic) ?? entry.topic}`;
    const tags = [tag('topic', entry.topic), ...entry.sources.map((s) => tag('source', s))].join(' ');
    return [ankiGuid(entry.id), deck, inlineHtml(entry.question), [answer, ...notes, credit].join(''), tags].map(field).join('\t');
  });
  return `${[...headers, ...notes].join('\n')}\n`;
}
