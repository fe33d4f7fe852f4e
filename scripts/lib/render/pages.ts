/**
 * Writes the site's MDX pages from the knowledge base. A page holds what a writer would write: frontmatter
 * (written by the `yaml` library), headings, Markdown, and the site's components (src/components/content/) for
 * everything around the answers, written with typed props (render/components.ts). Source text arrives here
 * already MDX-safe (shared/markdown.ts) or is escaped here with `escapeText`, or goes into a prop as a
 * JavaScript string, which renders as text.
 */
import type { DiagramDefinition, TopicDefinition } from '../read/editorial-data.ts';
import type { TextLink } from '../../../src/components/content/props.ts';
import type { Entry } from '../links/link-entries.ts';
import type { Term } from '../links/glossary.ts';
import { titleTermLinks } from '../links/link-terms.ts';
import type { Note, Ref, Source } from '../read/schema.ts';
import type { ListItem, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { stringify } from 'yaml';
import { escapeText, inlineMarkdown, linkMarkdown, parseUntrusted, serialise } from '../shared/markdown.ts';
import { PageComponents } from './components.ts';
import { homeTagline } from './names.ts';
import { replaceCitations, stripCitations } from '../editorial/citations.ts';
// Inline math as text, for headings: tables of contents and search titles show text, not typeset math (√dₖ).
import { mathInTextAsText as mathAsText, readableText } from './readable.ts';
import { listOf } from '../text/list.ts';

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
  /** The reference lists the sources end with (MDX-safe Markdown, one item each), by source id. */
  references: { source: string; items: string[] }[];
}

/** What a function of one value returned, kept by its key: a source's name or a question is written on many pages. */
function memo<T>(keyOf: (value: T) => string, write: (value: T) => string): (value: T) => string {
  const written = new Map<string, string>();
  return (value) => {
    const key = keyOf(value);
    let out = written.get(key);
    if (out === undefined) written.set(key, (out = write(value)));
    return out;
  };
}
/** A Markdown link whose label is text: "[CLS]" in a question stays inside the label (escapeText leaves "]" alone). */
const linkTo = memo((link: TextLink) => `${link.href}\n${link.text}`, (link) => linkMarkdown(link.text, link.href));
/** A question or a title as inline Markdown: keeps its math, escapes everything else. */
const inline = memo((text: string) => text, inlineMarkdown);

export const topicUrl = (base: string, topic: string) => `${base}topics/${topic}/`;
export const entryUrl = (base: string, entry: Pick<Entry, 'topic' | 'id'>) => `${topicUrl(base, entry.topic)}#${entry.id}`;
export const glossaryUrl = (base: string) => `${base}glossary/`;
/** The page of one answer, for sharing: link previews show its question and answer. */
export const answerPageUrl = (base: string, entry: Pick<Entry, 'id'>) => `${base}q/${entry.id}/`;
export const sourcesUrl = (base: string) => `${base}sources/`;

/** Frontmatter as YAML. Every string is double-quoted, so no title from a source can read as a date, a number or a flag. */
function frontmatter(fields: Record<string, unknown>): string {
  return `---\n${stringify(fields, { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' })}---\n`;
}

/** A page: its frontmatter, the imports of the components it uses, and its body. */
function page(path: string, fields: Record<string, unknown>, components: PageComponents, body: string[]): Page {
  const imports = components.imports(path);
  return { path, content: `${frontmatter(fields)}\n${imports ? `${imports}\n` : ''}${body.join('\n\n')}\n` };
}

/** A heading whose anchor is `id`, whatever its text (remark-heading-id reads the marker). */
const heading = (text: string, id: string) => `## ${escapeText(text)} \\{#${id}\\}`;

const sourceName = (source: Source) => source.shortTitle ?? source.title;
const sourceOf = (model: SiteModel, id: string): Source => model.sources.find((s) => s.id === id)!;

const sourceLink = (model: SiteModel, source: Source): TextLink => ({ text: sourceName(source), href: `${sourcesUrl(model.base)}#${source.id}` });
const entryLink = (model: SiteModel, entry: Entry): TextLink => ({ text: mathAsText(entry.question), href: entryUrl(model.base, entry) });

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
 * The mistakes to avoid in an interview, beside the answer: each correction of a source as what is often said
 * and why it is wrong, with its references. The answer's citations of a correction link here.
 */
function renderMistakes(entry: Entry, components: PageComponents): string[] {
  const { mistakes } = entry;
  if (!mistakes.length) return [];
  const items = mistakes.map((m) => {
    const refs = m.refs.map((r: Ref) => `[${escapeText(r.title)}](${r.url})`).join(' · ');
    return `- **Often said:** ${m.said}\n\n  **Why it is wrong:** ${m.why}${refs ? `\n\n  ${m.refs.length === 1 ? 'Reference' : 'References'}: ${refs}` : ''}`;
  });
  return [components.block('CommonMistakes', { count: mistakes.length, id: `${entry.id}--corrections` }, items.join('\n\n'))];
}

/**
 * The editors' corrections and notes on an entry, under "Sources and notes": who got what wrong (why is in
 * "Common mistakes" beside the answer), and the notes with the works they cite.
 */
function renderNotes(entry: Entry, components: PageComponents): string[] {
  const corrections = entry.mistakes.map((m) => `- ${m.where}: ${m.said}`);
  const said = corrections.length
    ? [components.block('EditorsNotes', { kind: 'correction', count: corrections.length }, `${corrections.join('\n')}\n\nWhy each is wrong is under “Common mistakes”, beside the answer.`)]
    : [];
  // The notes, with the works they cite, in one aside.
  const notes = entry.notes.filter((n) => n.kind === 'note');
  if (!notes.length) return said;
  let written = notesWritten.get(entry.notes);
  if (written === undefined) {
    const children: RootContent[] =
      notes.length === 1
        ? noteBlocks(notes[0]!)
        : [{ type: 'list', ordered: false, spread: true, children: notes.map((n): ListItem => ({ type: 'listItem', spread: true, children: noteBlocks(n) as ListItem['children'] })) }];
    notesWritten.set(entry.notes, (written = serialise({ type: 'root', children })));
  }
  return [...said, components.block('EditorsNotes', { kind: 'note', count: notes.length, id: `${entry.id}--notes` }, written)];
}

/** An entry's notes as Markdown: the topic page and the answer page show the same, written once. */
const notesWritten = new WeakMap<readonly Note[], string>();

/** The anchor of an original answer on the page, which the answer's citations link to. */
const originalId = (entry: Entry, v: { source: string; line: number }) => `${entry.id}--${v.source}-${v.line}`;

/**
 * Where the answer came from, in one disclosure under it: the sources that ask it and its other wordings, who
 * wrote the answer, what a source got wrong, the editors' notes and the original answers.
 */
function renderSourcesAndNotes(entry: Entry, model: SiteModel, components: PageComponents): string[] {
  const answered = entry.variants.filter((v) => v.answer);
  const awaiting = new Set(entry.awaitingEditors);
  const reviewed = answered.filter((v) => !awaiting.has(`${v.source}:${v.line}`));
  const others = entry.variants.filter((v) => v.question !== entry.question);
  const asked = entry.sources.map((id) => linkTo(sourceLink(model, sourceOf(model, id))));
  const parts = [
    `**Asked in** ${asked.join(', ')}${entry.editorsWording ? '; the heading is worded by the editors.' : '.'}`,
    ...(others.length ? [components.block('AlsoAskedAs', { editorsWording: entry.editorsWording }, others.map((v) => `- ${inline(v.question)} (${escapeText(sourceName(sourceOf(model, v.source)))}, line ${v.line})`).join('\n'))] : []),
    ...(entry.editorsAnswer
      ? [components.block('EditorsMerge', { answers: reviewed.length, sources: new Set(reviewed.map((v) => v.source)).size, awaiting: awaiting.size })]
      : []),
    ...renderNotes(entry, components),
    ...answered.map((v) =>
      components.block('OriginalAnswer', { id: originalId(entry, v) }, `${components.inline('OriginalSource', { source: sourceName(sourceOf(model, v.source)), line: v.line })} *${inline(v.question)}*\n\n${v.answer}`),
    ),
  ];
  const corrections = entry.notes.filter((n) => n.kind === 'correction').length;
  return [components.block('SourcesAndNotes', { sources: entry.sources.length, answers: answered.length, corrections }, parts.join('\n\n'))];
}

/** An answer (with its term titles) as Markdown, its citations as numbered placeholders; by the glossary's titles. */
const answersWritten = new WeakMap<Map<string, string>, WeakMap<Root, string>>();

/**
 * The answer as the page shows it: its citations as superscripts linking to the original answers (numbered in
 * the order they first appear), its glossary links with their definitions.
 */
function renderAnswer(entry: Entry, model: SiteModel, components: PageComponents): string {
  const numbers = new Map<string, number>();
  const cites: string[] = [];
  const titles = definitionTitlesOf(model);
  // Citations become superscripts on every page that shows the answer; glossary links get their definitions
  // where the answer is written.
  const tree = replaceCitations(entry.answer!, (cited) =>
    cited.map((c): PhrasingContent => {
      const target = c.correction ? 'corrections' : c.editors ? 'notes' : `${c.answers[0]!.source}-${c.answers[0]!.line}`;
      const n = numbers.get(target) ?? numbers.set(target, numbers.size + 1).get(target)!;
      const lines = c.answers.map((a) => a.line);
      const source = c.correction
        ? "Editors' correction"
        : c.editors
          ? 'Added by the editors, with references'
          : `${sourceName(sourceOf(model, c.answers[0]!.source))}, ${lines.length === 1 ? `line ${lines[0]}` : `lines ${listOf(lines.map(String))}`}`;
      cites.push(components.inline('Cite', { n, href: `#${entry.id}--${target}`, source, tip: `${entry.id}--cite-${cites.length + 1}` }));
      return { type: 'text', value: `\uE000${cites.length - 1}\uE001` };
    }),
  );
  // The topic page and the answer page write the same answer: its citations are the same placeholders on both.
  let written = answersWritten.get(titles);
  if (!written) answersWritten.set(titles, (written = new WeakMap()));
  let text = written.get(entry.answer!);
  if (text === undefined) written.set(entry.answer!, (text = serialise(titleTermLinks(tree, glossaryUrl(model.base), titles))));
  // A placeholder beside emphasis is written as a character reference ("**Lead:**&#xE000;0"): a private-use
  // character there would keep the "**" from closing, and the component put in its place starts with "<", which lets it.
  return text.replace(/(?:\uE000|&#xE000;)(\d+)(?:\uE001|&#xE001;)/g, (_, i: string) => cites[Number(i)]!);
}

/** "In short", above the answer. */
function renderShort(entry: Entry, components: PageComponents): string[] {
  return entry.short ? [components.block('InShort', {}, entry.short)] : [];
}

function renderEntry(entry: Entry, next: Entry | undefined, model: SiteModel, diagram: DiagramDefinition | undefined, components: PageComponents): string[] {
  const aliases = model.aliasesOf.get(entry.id) ?? [];
  const from = entry.sources.map((id) => sourceName(sourceOf(model, id)));
  return [
    ...(aliases.length ? [components.block('AliasAnchors', { ids: aliases })] : []),
    heading(mathAsText(entry.question), entry.id),
    // The sources that ask it are in "Sources and notes".
    components.block('EntryBar', { id: entry.id, question: mathAsText(entry.question), answerPage: answerPageUrl(model.base, entry), ...(next ? { next: next.id } : {}) }),
    ...renderShort(entry, components),
    entry.answer ? renderAnswer(entry, model, components) : components.block('Unanswered', { sources: from }),
    ...(diagram ? [components.block('Diagram', { id: diagram.id, title: diagram.title })] : []),
    ...renderMistakes(entry, components),
    ...renderSourcesAndNotes(entry, model, components),
    ...renderEntryLinks(entry, model, components),
  ];
}

/** Related entries and glossary terms, folded under the entry. */
function renderEntryLinks(entry: Entry, model: SiteModel, components: PageComponents): string[] {
  const links = [
    ...(entry.related.length ? [components.block('RelatedEntries', { entries: entry.related.map((id) => entryLink(model, model.entries.get(id)!)) })] : []),
    ...(entry.terms.length
      ? [components.block('EntryTerms', { terms: entry.terms.map((id) => ({ text: model.glossary.find((t) => t.id === id)!.term, href: `${glossaryUrl(model.base)}#${id}` })) })]
      : []),
  ];
  return links.length ? [components.block('EntryLinks', {}, links.join('\n\n'))] : [];
}

/** Each diagram beside the entry of the topic that is most asked about its concept. */
function placeDiagrams(topic: SiteModel['topics'][number], model: SiteModel): Map<string, DiagramDefinition> {
  const placed = new Map<string, DiagramDefinition>();
  for (const diagram of model.diagrams.values()) {
    const candidates = topic.entries.filter((e) => e.subject.includes(diagram.concept));
    const best = candidates.sort((a, b) => b.sources.length - a.sources.length || b.variants.length - a.variants.length)[0];
    if (best && !placed.has(best.id)) placed.set(best.id, diagram);
  }
  return placed;
}

/** A topic's title in its link preview (og:title, also the preview image's alt text: src/components/Head.astro). */
const topicPreviewTitle = (title: string, questions: number) => `${title}: ${questions} interview questions with answers`;

export function renderTopicPage(topic: SiteModel['topics'][number], order: number, model: SiteModel): Page {
  const diagrams = placeDiagrams(topic, model);
  const components = new PageComponents();
  const asked = topic.entries.reduce((n, e) => n + e.variants.length, 0);
  return page(
    `topics/${topic.id}.mdx`,
    {
      title: topic.title,
      description: topic.description,
      // A shared topic link previews as what the page holds, not just the topic's name.
      head: [{ tag: 'meta', attrs: { property: 'og:title', content: topicPreviewTitle(topic.title, topic.entries.length) } }],
      pagefind: false,
      sidebar: { order, badge: { text: String(topic.entries.length), variant: 'default' } },
      tableOfContents: { minHeadingLevel: 2, maxHeadingLevel: 2 },
    },
    components,
    [
      escapeText(topic.description),
      components.block('TopicStats', { questions: topic.entries.length, asked }),
      ...topic.entries.flatMap((e, i) => renderEntry(e, topic.entries[i + 1], model, diagrams.get(e.id), components)),
    ],
  );
}

const DESCRIPTION_LENGTH = 155;

/** Readable text of an answer (math as symbols, no credit tags), cut at a word near `length` characters: a meta description. */
export function excerpt(markdown: string | null, length = DESCRIPTION_LENGTH): string {
  if (!markdown) return 'No source answers this question yet.';
  const text = readableText(markdown);
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 60 ? cut.lastIndexOf(' ') : length).replace(/[,;:.\s]+$/, '')}…`;
}

/**
 * A link preview's text: "In short", whole (at most 60 words); without one, the answer's start, with its question
 * when the answer alone says little ("W=W₀+ΔW, ΔW=AB.").
 */
function describe(entry: Entry): string {
  if (entry.short) return readableText(entry.short);
  const text = excerpt(entry.answer && stripCitations(entry.answer));
  return text.length < 40 ? `${mathAsText(entry.question)} ${text}` : text;
}

/**
 * Starlight's "Previous" and "Next" links of an answer page: the entries before and after it on its topic page,
 * so a reader can go through a topic one answer at a time. None before the first or after the last.
 */
function neighbours(entry: Entry, topic: SiteModel['topics'][number], model: SiteModel) {
  const at = topic.entries.findIndex((e) => e.id === entry.id);
  const link = (other: Entry | undefined) => (other ? { link: answerPageUrl(model.base, other), label: mathAsText(other.question) } : false);
  return { prev: link(topic.entries[at - 1]), next: link(topic.entries[at + 1]) };
}

/**
 * One answer on a page of its own, the URL to share: its title and description are the question and answer,
 * and it shows the diagram its topic page shows beside it.
 */
export function renderAnswerPage(entry: Entry, model: SiteModel): Page {
  const topic = model.topics.find((t) => t.id === entry.topic)!;
  const diagram = placeDiagrams(topic, model).get(entry.id);
  const components = new PageComponents();
  return page(
    `q/${entry.id}.mdx`,
    { title: mathAsText(entry.question), description: describe(entry), pagefind: false, tableOfContents: false, ...neighbours(entry, topic, model) },
    components,
    [
      ...renderShort(entry, components),
      entry.answer ? renderAnswer(entry, model, components) : components.block('Unanswered', {}),
      ...(diagram ? [components.block('Diagram', { id: diagram.id, title: diagram.title })] : []),
      ...renderMistakes(entry, components),
      ...renderSourcesAndNotes(entry, model, components),
      components.block('InTopic', { topic: { text: topic.title, href: entryUrl(model.base, entry) } }),
    ],
  );
}

const MOST_ASKED = 12;

export function renderHomePage(model: SiteModel): Page {
  const entries = [...model.entries.values()];
  const totalVariants = entries.reduce((n, e) => n + e.variants.length, 0);
  const components = new PageComponents();
  const sources = model.sources.map((s) => {
    const link = sourceLink(model, s);
    return `[${escapeText(link.text)}](${link.href})`;
  });
  const mostAsked = [...entries]
    .sort((a, b) => b.sources.length - a.sources.length || b.variants.length - a.variants.length)
    .slice(0, MOST_ASKED)
    .map((e) => `1. ${linkTo(entryLink(model, e))}: asked in ${e.sources.length} of ${model.sources.length} sources, ${e.variants.length} wordings`);
  return page(
    'index.mdx',
    {
      title: 'Transformer & LLM Interview Questions',
      description: `${entries.length} interview questions on Transformers, LLMs, transfer learning and fine-tuning, merged from ${model.sources.length} sources into one answer each.`,
      // Not Starlight's splash template: a splash page has no sidebar, and so on a phone no menu button, which
      // is where the topics and the theme switch are.
      tableOfContents: false,
      pagefind: false,
      hero: {
        tagline: homeTagline({ questions: totalVariants, sources: model.sources.length, entries: entries.length, topics: model.topics.length }),
        actions: [
          { text: 'Start with the foundations', link: topicUrl(model.base, model.topics[0]!.id), icon: 'right-arrow' },
          { text: 'Study with flashcards', link: `${model.base}study/`, variant: 'secondary' },
          { text: 'Glossary', link: glossaryUrl(model.base), variant: 'minimal' },
        ],
      },
    },
    components,
    [
      `The ${model.sources.length} sources of this site (${listOf(sources)}) ask the same interview questions in different words. This site merges them: each question appears once, in its clearest wording, with its answer, the other wordings it was asked in, the sources that ask it and the original answers. Use the search (press ${components.inline('Kbd', {}, '/')}) to find a question in any wording.`,
      '## Topics',
      components.block('TopicCards', { topics: model.topics.map((t) => ({ title: t.title, description: `${t.entries.length} questions · ${t.description}`, href: topicUrl(model.base, t.id) })) }),
      '## The most-asked questions',
      'The questions that the most sources ask:',
      mostAsked.join('\n'),
      '## The data',
      `Everything on this site is also available as one JSON file, [kb.json](${model.base}kb.json): sources, topics, entries with every original wording and answer, and the glossary. See [the sources](${sourcesUrl(model.base)}) for attribution.`,
    ],
  );
}

const definitionTitles = new WeakMap<Term[], Map<string, string>>();

/** The title of each glossary term's links, by term id: its definition, which the site shows as a tooltip. */
function definitionTitlesOf(model: SiteModel): Map<string, string> {
  let titles = definitionTitles.get(model.glossary);
  if (!titles) {
    titles = new Map(model.glossary.map((t) => [t.id, `${t.term}: ${readableText(t.definition)}`]));
    definitionTitles.set(model.glossary, titles);
  }
  return titles;
}

const MENTIONS_SHOWN = 8;

/** The first term of each initial letter, in the glossary's order (a digit or symbol counts as "#"). */
function initials(glossary: SiteModel['glossary']): { text: string; href: string }[] {
  const letters = new Map<string, string>();
  for (const term of glossary) {
    const first = term.term.normalize('NFD').charAt(0).toUpperCase();
    const letter = /\p{Lu}/u.test(first) ? first : '#';
    if (!letters.has(letter)) letters.set(letter, `#${term.id}`);
  }
  return [...letters].map(([text, href]) => ({ text, href }));
}

export function renderGlossaryPage(model: SiteModel): Page {
  const components = new PageComponents();
  const terms = model.glossary.flatMap((term) => [
    heading(term.term, term.id),
    term.definition,
    term.source
      ? components.block('TermCredit', { source: sourceLink(model, sourceOf(model, term.source)), line: term.line! })
      : components.block('TermCredit', { references: term.references.map((r) => ({ text: r.title, href: r.url })) }),
    ...(term.entries.length
      ? [components.block('TermMentions', { entries: term.entries.map((id) => entryLink(model, model.entries.get(id)!)), shown: MENTIONS_SHOWN })]
      : []),
  ]);
  return page(
    'glossary.mdx',
    {
      title: 'Glossary',
      description: `${model.glossary.length} terms used in Transformer and LLM interview questions, each defined by a source or by the editors and linked to the questions that mention it.`,
      pagefind: false,
      sidebar: { order: model.topics.length + 1 },
      tableOfContents: { minHeadingLevel: 2, maxHeadingLevel: 2 },
    },
    components,
    [
      'Terms and acronyms of the questions. Each definition is quoted from the source and line named under it; where no source defines a term correctly, the editors define it and name the paper or documentation they follow.',
      components.block('TermIndex', { letters: initials(model.glossary) }),
      ...terms,
    ],
  );
}

export function renderNotFoundPage(model: SiteModel): Page {
  const components = new PageComponents();
  return page(
    '404.mdx',
    {
      title: 'Page not found',
      description: 'This page does not exist.',
      // Not the splash template, as on the home page: on a phone the menu is the way to the rest of the site.
      tableOfContents: false,
      pagefind: false,
      hero: { tagline: 'The page you asked for is not here. Entries keep their links, so the question may just have moved: search for it.' },
    },
    components,
    [`Search for the question (press ${components.inline('Kbd', {}, '/')}), or browse a topic:`, model.topics.map((t) => `- [${escapeText(t.title)}](${topicUrl(model.base, t.id)})`).join('\n')],
  );
}

/** The anchor of a source's reference list: `references` while one source has one, as when the site began. */
const referencesId = (model: SiteModel, source: string) => (model.references.length === 1 ? 'references' : `references-${source}`);

/** Where a reader finds the source itself: its address in the manifest, else its DOI's. */
function sourceLinkOut(source: Source): string | undefined {
  const url = source.url ?? (source.doi ? `https://doi.org/${source.doi}` : undefined);
  if (!url) return undefined;
  // Shown without its scheme: "doi.org/10.5281/…" already reads as a DOI.
  return `- **Link:** ${linkTo({ text: url.replace(/^https?:\/\//, ''), href: url })}`;
}

/**
 * What a reader needs to know of each source: who wrote it, where it comes from, on what terms it is quoted,
 * and its questions. How the ingest read it (file, layout, noise removed, repairs) is in reports/sources.md.
 */
export function renderSourcesPage(model: SiteModel): Page {
  const components = new PageComponents();
  const sections = model.sources.map((s) => {
    const facts = [
      s.author ? `- **Author:** ${escapeText(s.author)}${s.year ? ` (${s.year})` : ''}` : '- **Author:** not stated in the source',
      s.edition ? `- **Edition:** ${escapeText(s.edition)}` : '',
      s.origin ? `- **Where it comes from:** ${escapeText(s.origin)}` : '',
      sourceLinkOut(s) ?? '',
      `- **Licence:** ${s.licence ? escapeText(s.licence) : 'not stated'}`,
    ].filter(Boolean);
    // Its questions in the order it asks them, each linking to its entry: a reader can follow one book or post.
    // The editors' questions each sit in their entry's file, so theirs share lines: those go by topic page.
    const asked = [...model.entries.values()]
      .flatMap((e) => e.variants.filter((v) => v.source === s.id).map((v) => ({ v, href: entryUrl(model.base, e) })))
      .sort((a, b) => a.v.line - b.v.line || (a.href < b.href ? -1 : a.href > b.href ? 1 : 0))
      .map(({ v, href }) => `1. ${linkTo({ text: mathAsText(v.question), href })}`);
    const questions = asked.length ? [components.block('SourceQuestions', { count: asked.length }, asked.join('\n'))] : [];
    return [heading(s.title, s.id), facts.join('\n'), ...questions];
  });
  const references = model.references.map(({ source, items }) => [
    heading(`References cited by ${sourceOf(model, source).title}`, referencesId(model, source)),
    items.map((r) => `- ${r}`).join('\n'),
  ]);
  return page(
    'sources.mdx',
    {
      title: 'Sources',
      description: 'The documents this knowledge base is built from, with their authors, origins and terms of use.',
      sidebar: { order: model.topics.length + 2 },
      tableOfContents: { minHeadingLevel: 2, maxHeadingLevel: 2 },
    },
    components,
    [
      'Every question and answer on this site comes from one of these documents; each entry says which. Where the editors correct a source, the entry says so, cites its references and keeps the original answer as the source gave it.',
      ...sections.flat(),
      ...references.flat(),
    ],
  );
}
