/**
 * Writes the site's MDX pages from the knowledge base. Every piece of source text arrives here already
 * MDX-safe (render/markdown.ts) or is escaped here with `escapeText`; the only JSX is what this file writes.
 */
import type { DiagramDefinition } from '../../data/diagrams.ts';
import type { TopicDefinition } from '../../data/topics.ts';
import type { Entry } from '../entries.ts';
import type { Term } from '../glossary.ts';
import { titleTermLinks } from '../link-terms.ts';
import type { Note, Source } from '../schema.ts';
import type { ListItem, PhrasingContent, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { escapeText, parseInline, parseUntrusted, serialise } from './markdown.ts';
import { mathInTextAsText, readableText } from './readable.ts';

export interface Page {
  /** Path under src/content/docs/. */
  path: string;
  content: string;
}

export interface SiteModel {
  base: string;
  sources: (Source & { questions: number })[];
  topics: (TopicDefinition & { entries: Entry[] })[];
  entries: Map<string, Entry>;
  glossary: Term[];
  /** Retired ids that still land on an entry (after merges). */
  aliasesOf: Map<string, string[]>;
  diagrams: Map<string, DiagramDefinition>;
  references: string[];
  removed: Record<string, Record<string, number>>;
}

const yaml = (value: string) => JSON.stringify(value);
/** A JSX attribute value: a JavaScript string literal in braces (JSX attribute strings have no escapes). */
const attr = (value: string) => `{${JSON.stringify(value)}}`;
/** A Markdown link whose label is text: "[CLS]" in a question stays inside the label (escapeText leaves "]" alone). */
const linkTo = (text: string, url: string) => serialise({ type: 'root', children: [{ type: 'paragraph', children: [{ type: 'link', url, children: [{ type: 'text', value: text }] }] }] });
/** A question or a title as inline Markdown: keeps its math, escapes everything else. */
const inline = (text: string) => serialise({ type: 'root', children: [{ type: 'paragraph', children: parseInline(text) }] });

/** Inline math as text, for headings: tables of contents and search titles show text, not typeset math (√dₖ). */
export function mathAsText(text: string): string {
  return mathInTextAsText(text);
}

export const topicUrl = (base: string, topic: string) => `${base}topics/${topic}/`;
export const entryUrl = (base: string, entry: Pick<Entry, 'topic' | 'id'>) => `${topicUrl(base, entry.topic)}#${entry.id}`;
export const glossaryUrl = (base: string) => `${base}glossary/`;
/** The page of one answer, for sharing: link previews show its question and answer. */
export const answerPageUrl = (base: string, entry: Pick<Entry, 'id'>) => `${base}q/${entry.id}/`;
export const sourcesUrl = (base: string) => `${base}sources/`;

function frontmatter(fields: Record<string, string | undefined>, extra = ''): string {
  const lines = Object.entries(fields).flatMap(([k, v]) => (v === undefined ? [] : [`${k}: ${v}`]));
  return `---\n${lines.join('\n')}${extra ? `\n${extra}` : ''}\n---\n`;
}

function sourceName(source: Source): string {
  return source.shortTitle ?? source.title;
}

function askedIn(entry: Entry, model: SiteModel): string {
  const names = entry.sources.map((id) => {
    const source = model.sources.find((s) => s.id === id)!;
    return `[${escapeText(sourceName(source))}](${sourcesUrl(model.base)}#${id})`;
  });
  const count = `Asked in ${entry.sources.length} of ${model.sources.length} sources`;
  return `<p class="kb-asked">${count}: ${names.join(' · ')}</p>`;
}

const NOTE_ASIDES = [
  { kind: 'correction', type: 'caution', title: ["Editors' correction", "Editors' corrections"] },
  { kind: 'note', type: 'note', title: ["Editors' note", "Editors' notes"] },
] as const;

/** A note's text and, under it, the works it cites (introduced by the text when it ends with a colon). */
function noteBlocks(note: Note): RootContent[] {
  const blocks = parseUntrusted(note.text).children;
  if (note.refs.length) {
    const links = note.refs.flatMap((ref, i): PhrasingContent[] => [
      ...(i ? [{ type: 'text', value: ' · ' } as const] : []),
      { type: 'link', url: ref.url, children: [{ type: 'text', value: ref.title }] },
    ]);
    const label: PhrasingContent[] = note.text.trim().endsWith(':') ? [] : [{ type: 'text', value: note.refs.length === 1 ? 'Reference: ' : 'References: ' }];
    blocks.push({ type: 'paragraph', children: [...label, ...links] });
  }
  return blocks;
}

/**
 * The editors' corrections (a caution aside) and notes (a note aside) on an entry, with the works they cite.
 * Needs `Aside` imported from Starlight's components.
 */
export function renderNotes(notes: Note[]): string {
  return NOTE_ASIDES.flatMap(({ kind, type, title }) => {
    const ofKind = notes.filter((n) => n.kind === kind);
    if (!ofKind.length) return [];
    const children: RootContent[] =
      ofKind.length === 1
        ? noteBlocks(ofKind[0]!)
        : [{ type: 'list', ordered: false, spread: true, children: ofKind.map((n): ListItem => ({ type: 'listItem', spread: true, children: noteBlocks(n) as ListItem['children'] })) }];
    const body = serialise({ type: 'root', children });
    return [`<Aside type=${attr(type)} title=${attr(title[ofKind.length === 1 ? 0 : 1])}>

${body}

</Aside>`];
  }).join('\n\n');
}

const ASIDE_IMPORT = "import { Aside } from '@astrojs/starlight/components';\n";

function renderEntry(entry: Entry, model: SiteModel, withDiagram: (e: Entry) => DiagramDefinition | undefined): string {
  const parts: string[] = [];
  const aliases = (model.aliasesOf.get(entry.id) ?? []).map((id) => `<span id=${attr(id)} class="kb-alias" />`);
  if (aliases.length) parts.push(aliases.join(''));
  parts.push(`## ${escapeText(mathAsText(entry.question))} \\{#${entry.id}\\}`);
  parts.push(
    `<div class="kb-entry-bar">\n${askedIn(entry, model)}\n<CopyLink id=${attr(entry.id)} question=${attr(mathAsText(entry.question))} />\n<a class="kb-answer-page" href=${attr(answerPageUrl(model.base, entry))}>Answer page</a>\n</div>`,
  );
  if (entry.answer) parts.push(withDefinitions(entry.answer, model));
  else {
    const from = entry.sources.map((id) => escapeText(sourceName(model.sources.find((s) => s.id === id)!))).join(', ');
    parts.push(`<p class="kb-unanswered">No source answers this question yet. ${from} lists it without an answer.</p>`);
  }
  if (entry.notes.length) parts.push(renderNotes(entry.notes));
  const diagram = withDiagram(entry);
  if (diagram) parts.push(`<Diagram id=${attr(diagram.id)} title=${attr(diagram.title)} code=${attr(diagram.mermaid)} />`);

  const others = entry.variants.filter((v) => v.question !== entry.question);
  if (others.length) {
    const items = others.map((v) => `- ${inline(v.question)} (${escapeText(sourceName(model.sources.find((s) => s.id === v.source)!))})`);
    const label = entry.editorsWording ? "**Heading worded by the editors. The sources ask:**" : '**Also asked as:**';
    parts.push(`${label}\n\n${items.join('\n')}`);
  }
  const answered = entry.variants.filter((v) => v.answer);
  if (answered.length) {
    const originals = answered.map((v) => {
      const source = model.sources.find((s) => s.id === v.source)!;
      return `<div class="kb-original">\n\n**${escapeText(sourceName(source))}**, line ${v.line}: *${inline(v.question)}*\n\n${v.answer}\n\n</div>`;
    });
    const sourceCount = new Set(answered.map((v) => v.source)).size;
    const label =
      answered.length === 1
        ? 'The original answer, as its source gives it'
        : `The ${answered.length} original answers${sourceCount > 1 ? `, from ${sourceCount} sources` : ''}`;
    parts.push(`<details class="kb-originals">\n<summary>${label}</summary>\n\n${originals.join('\n\n')}\n\n</details>`);
  }
  if (entry.related.length) {
    const links = entry.related.map((id) => {
      const other = model.entries.get(id)!;
      return linkTo(mathAsText(other.question), entryUrl(model.base, other));
    });
    parts.push(`**Related:** ${links.join(' · ')}`);
  }
  if (entry.terms.length) {
    const links = entry.terms.map((id) => {
      const term = model.glossary.find((t) => t.id === id)!;
      return `[${escapeText(term.term)}](${glossaryUrl(model.base)}#${id})`;
    });
    parts.push(`**Glossary:** ${links.join(' · ')}`);
  }
  return parts.join('\n\n');
}

export function renderTopicPage(topic: SiteModel['topics'][number], order: number, model: SiteModel): Page {
  const placed = new Map<string, string>();
  for (const diagram of model.diagrams.values()) {
    const candidates = topic.entries.filter((e) => e.subject.includes(diagram.concept));
    const best = candidates.sort((a, b) => b.sources.length - a.sources.length || b.variants.length - a.variants.length)[0];
    if (best && !placed.has(best.id)) placed.set(best.id, diagram.id);
  }
  const withDiagram = (e: Entry) => (placed.has(e.id) ? model.diagrams.get(placed.get(e.id)!) : undefined);
  const head = frontmatter(
    { title: yaml(topic.title), description: yaml(topic.description) },
    `pagefind: false\nsidebar:\n  order: ${order}\n  badge:\n    text: ${yaml(String(topic.entries.length))}\n    variant: default\ntableOfContents:\n  minHeadingLevel: 2\n  maxHeadingLevel: 2`,
  );
  const aside = topic.entries.some((e) => e.notes.length) ? ASIDE_IMPORT : '';
  const imports = `${aside}import CopyLink from '../../../components/CopyLink.astro';\n${placed.size ? `import Diagram from '../../../components/Diagram.astro';\n` : ''}\n`;
  const variants = topic.entries.reduce((n, e) => n + e.variants.length, 0);
  const intro = `${escapeText(topic.description)}\n\n<p class="kb-topic-stats">${topic.entries.length} questions, asked ${variants} times across the sources.</p>`;
  const body = topic.entries.map((e) => renderEntry(e, model, withDiagram)).join('\n\n');
  return { path: `topics/${topic.id}.mdx`, content: `${head}\n${imports}${intro}\n\n${body}\n` };
}

const DESCRIPTION_LENGTH = 155;

/** Plain text of Markdown: its paragraphs and cells, each closed by punctuation so list items read apart. */
export function plainText(markdown: string): string {
  const blocks: string[] = [];
  visit(parseUntrusted(markdown), ['paragraph', 'tableCell', 'heading'], (node) => {
    const text = toString(node).replace(/\s+/g, ' ').trim();
    if (text) blocks.push(/[.!?:;]$/.test(text) ? text : `${text};`);
    return 'skip';
  });
  return blocks.join(' ').replace(/;$/, '.');
}

/** Readable text of an answer (math as symbols, no credit tags), cut at a word near `length` characters: a meta description. */
export function excerpt(markdown: string | null, length = DESCRIPTION_LENGTH): string {
  if (!markdown) return 'No source answers this question yet.';
  const text = readableText(markdown);
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 60 ? cut.lastIndexOf(' ') : length).replace(/[,;:.\s]+$/, '')}…`;
}

/** One answer on a page of its own, the URL to share: its title and description are the question and answer. */
export function renderAnswerPage(entry: Entry, model: SiteModel): Page {
  const topic = model.topics.find((t) => t.id === entry.topic)!;
  const head = frontmatter(
    // An answer that is only a formula ("W=W₀+ΔW, ΔW=AB.") says little in a link preview without its question.
    { title: yaml(mathAsText(entry.question)), description: yaml(excerpt(entry.answer).length < 40 ? `${mathAsText(entry.question)} ${excerpt(entry.answer)}` : excerpt(entry.answer)) },
    'pagefind: false\ntableOfContents: false',
  );
  const answer = entry.answer ? withDefinitions(entry.answer, model) : '<p class="kb-unanswered">No source answers this question yet.</p>';
  const body = [
    ...(entry.notes.length ? [ASIDE_IMPORT] : []),
    askedIn(entry, model),
    answer,
    ...(entry.notes.length ? [renderNotes(entry.notes)] : []),
    `<p class="kb-in-topic">This answer is part of [${escapeText(topic.title)}](${entryUrl(model.base, entry)}), with the other wordings it was asked in, the original answers and related questions.</p>`,
  ];
  return { path: `q/${entry.id}.mdx`, content: `${head}\n${body.join('\n\n')}\n` };
}

const MOST_ASKED = 12;

export function renderHomePage(model: SiteModel): Page {
  const entries = [...model.entries.values()];
  const totalVariants = entries.reduce((n, e) => n + e.variants.length, 0);
  const head = frontmatter(
    {
      title: yaml('Transformer & LLM Interview Questions'),
      description: yaml(`${entries.length} interview questions on Transformers, LLMs, transfer learning and fine-tuning, merged from ${model.sources.length} sources into one answer each.`),
      template: 'splash',
    },
    `pagefind: false\nhero:\n  tagline: ${yaml(`${totalVariants} questions from ${model.sources.length} sources, deduplicated into ${entries.length} entries with one answer each, organised into ${model.topics.length} topics.`)}\n  actions:\n    - text: Start with the foundations\n      link: ${yaml(topicUrl(model.base, model.topics[0]!.id))}\n      icon: right-arrow\n    - text: Glossary\n      link: ${yaml(glossaryUrl(model.base))}\n      variant: minimal`,
  );
  const cards = model.topics.map(
    (t) => `  <LinkCard title=${attr(t.title)} description=${attr(`${t.entries.length} questions · ${t.description}`)} href=${attr(topicUrl(model.base, t.id))} />`,
  );
  const mostAsked = [...entries]
    .sort((a, b) => b.sources.length - a.sources.length || b.variants.length - a.variants.length)
    .slice(0, MOST_ASKED)
    .map((e) => `1. ${linkTo(mathAsText(e.question), entryUrl(model.base, e))}: asked in ${e.sources.length} of ${model.sources.length} sources, ${e.variants.length} wordings`);
  const content = `${head}
import { CardGrid, LinkCard } from '@astrojs/starlight/components';

Five collections of interview questions (a flashcard deck, a 200-question book and three collections of posts) ask the same things in different words, and the site's editors answer what they leave unanswered or out. This site merges them: each question appears once, in its clearest wording, with its answer, the other wordings it was asked in, the sources that ask it and the original answers. Use the search (press <kbd>/</kbd>) to find a question in any wording.

## Topics

<CardGrid>
${cards.join('\n')}
</CardGrid>

## The most-asked questions

The questions that the most sources ask:

${mostAsked.join('\n')}

## The data

Everything on this site is also available as one JSON file, [kb.json](${model.base}kb.json): sources, topics, entries with every original wording and answer, and the glossary. See [the sources](${sourcesUrl(model.base)}) for attribution.
`;
  return { path: 'index.mdx', content };
}

const definitionTitles = new WeakMap<Term[], Map<string, string>>();

/** An answer whose glossary links carry their term's definition, which the site shows as a tooltip. */
function withDefinitions(answer: string, model: SiteModel): string {
  let titles = definitionTitles.get(model.glossary);
  if (!titles) {
    titles = new Map(model.glossary.map((t) => [t.id, `${t.term}: ${plainText(t.definition)}`]));
    definitionTitles.set(model.glossary, titles);
  }
  return titleTermLinks(answer, glossaryUrl(model.base), titles);
}

/** Who a definition is from: its source and line, or the editors and what they follow. */
function credit(term: Term, model: SiteModel): string {
  if (term.source) {
    const source = model.sources.find((s) => s.id === term.source)!;
    return `Definition from [${escapeText(sourceName(source))}](${sourcesUrl(model.base)}#${source.id}), line ${term.line}.`;
  }
  const references = term.references.map((r) => `[${escapeText(r.title)}](${r.url})`);
  return `Definition by the editors, after ${references.join('; ')}.`;
}

export function renderGlossaryPage(model: SiteModel): Page {
  const head = frontmatter(
    { title: yaml('Glossary'), description: yaml(`${model.glossary.length} terms used in Transformer and LLM interview questions, each defined by a source or by the editors and linked to the questions that mention it.`) },
    `pagefind: false\nsidebar:\n  order: ${model.topics.length + 1}\ntableOfContents:\n  minHeadingLevel: 2\n  maxHeadingLevel: 2`,
  );
  const terms = model.glossary.map((term) => {
    const mentions = term.entries.slice(0, 8).map((id) => {
      const e = model.entries.get(id)!;
      return linkTo(mathAsText(e.question), entryUrl(model.base, e));
    });
    // The rest behind "and N more", which opens to show them.
    const rest = term.entries.slice(8).map((id) => {
      const e = model.entries.get(id)!;
      return linkTo(mathAsText(e.question), entryUrl(model.base, e));
    });
    const more = rest.length ? `\n\n<details class="kb-more">\n<summary>and ${rest.length} more</summary>\n\n${rest.join(' · ')}\n\n</details>` : '';
    const mentioned = term.entries.length ? `\n\n**Mentioned in ${term.entries.length} ${term.entries.length === 1 ? 'entry' : 'entries'}:** ${mentions.join(' · ')}${more}` : '';
    return `## ${escapeText(term.term)} \\{#${term.id}\\}\n\n${term.definition}\n\n<p class="kb-credit">${credit(term, model)}</p>${mentioned}`;
  });
  return { path: 'glossary.mdx', content: `${head}\nTerms and acronyms of the questions. Each definition is quoted from the source and line named under it; where no source defines a term correctly, the editors define it and name the paper or documentation they follow.\n\n${terms.join('\n\n')}\n` };
}

export function renderNotFoundPage(model: SiteModel): Page {
  const head = frontmatter({ title: yaml('Page not found'), description: yaml('This page does not exist.'), template: 'splash' }, 'pagefind: false\nhero:\n  tagline: "The page you asked for is not here. Entries keep their links, so the question may just have moved: search for it."');
  const topics = model.topics.map((t) => `- [${escapeText(t.title)}](${topicUrl(model.base, t.id)})`);
  return { path: '404.mdx', content: `${head}\nSearch for the question (press <kbd>/</kbd>), or browse a topic:\n\n${topics.join('\n')}\n` };
}

export function renderSourcesPage(model: SiteModel): Page {
  const head = frontmatter(
    { title: yaml('Sources'), description: yaml('The documents this knowledge base is built from, with their authors, origins and terms of use.') },
    `sidebar:\n  order: ${model.topics.length + 2}\ntableOfContents:\n  minHeadingLevel: 2\n  maxHeadingLevel: 2`,
  );
  const sections = model.sources.map((s) => {
    const facts = [
      s.author ? `- **Author:** ${escapeText(s.author)}${s.year ? ` (${s.year})` : ''}` : '- **Author:** not stated in the source',
      s.edition ? `- **Edition:** ${escapeText(s.edition)}` : '',
      s.doi ? `- **DOI:** [${escapeText(s.doi)}](https://doi.org/${s.doi})` : '',
      s.origin ? `- **Origin:** ${escapeText(s.origin)}` : '',
      s.licence ? `- **Licence:** ${escapeText(s.licence)}` : '',
      `- **Layout:** ${escapeText(s.format)}; file \`${s.file}\``,
      `- **Questions:** ${s.questions}`,
    ].filter(Boolean);
    const removed = Object.entries(model.removed[s.id] ?? {}).filter(([, n]) => n > 0);
    const noise = removed.length ? `\n\nRemoved as extraction noise: ${removed.map(([why, n]) => `${escapeText(why)} (${n} ${n === 1 ? 'line' : 'lines'})`).join('; ')}.` : '';
    // Its questions in the order it asks them, each linking to its entry: a reader can follow one book or post.
    const asked = [...model.entries.values()]
      .flatMap((e) => e.variants.filter((v) => v.source === s.id).map((v) => ({ v, e })))
      .sort((a, b) => a.v.line - b.v.line)
      .map(({ v, e }) => `1. ${linkTo(mathAsText(v.question), entryUrl(model.base, e))}`);
    const questions = asked.length ? `\n\n<details class="kb-source-questions">\n<summary>Its ${asked.length} questions, in its order</summary>\n\n${asked.join('\n')}\n\n</details>` : '';
    return `## ${escapeText(s.title)} \\{#${s.id}\\}\n\n${facts.join('\n')}${noise}${questions}`;
  });
  const references = model.references.length
    ? `\n\n## References cited by the book \\{#references\\}\n\n${model.references.map((r) => `- ${r}`).join('\n')}`
    : '';
  return { path: 'sources.mdx', content: `${head}\nEvery question and answer on this site comes from one of these documents; each entry says which. Where the editors correct a source, the entry says so, cites its references and keeps the original answer as the source gave it.\n\n${sections.join('\n\n')}${references}\n` };
}
