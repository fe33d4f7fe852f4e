/**
 * The ingest as one pure function: source texts in, knowledge base and pages out. Stages:
 * parse each layout → clean → group duplicates → entries and topics → glossary, links, related → render.
 */
import { learningOrder } from './entries/topics.ts';
import { buildLexicon, cleanQuestions, vocabularyWords } from './clean/index.ts';
import { buildEntries } from './entries/build.ts';
import { IngestError } from './shared/errors.ts';
import { buildGlossary, type Glossary } from './links/glossary.ts';
import { EMPTY_GLOSSARY, type GlossaryData } from './read/glossary-data.ts';
import { EMPTY_ID_MAP, type IdMap } from './read/id-map.ts';
import { buildConceptIndex } from './text/concepts.ts';
import type { JoinHooks } from './group/answer-join.ts';
import { type Group, joinGroups, keyGroups } from './group/index.ts';
import { type Entry, linkEntries } from './links/link-entries.ts';
import type { EntryFile } from './read/entry-files.ts';
import { stripCitations, creditsOf } from './editorial/citations.ts';
import type { SourceText } from './read/types.ts';
import type { ParseResult } from './parse/types.ts';
import type { Problem } from './shared/problem.ts';
import type { Variant } from './clean/types.ts';
import { parseSource } from './parse/index.ts';
import { repairLines } from './parse/repair.ts';
import { MANIFEST, repositoryData } from './read/sources.ts';
import type { EditorialData } from './read/editorial-data.ts';
import { sanitiseMarkdown } from './shared/markdown.ts';
import { renderAnkiDeck } from './render/anki.ts';
import type { SourceReading } from './render/report.ts';
import {
  entryUrl,
  glossaryUrl,
  type Page,
  renderGlossaryPage,
  renderAnswerPage,
  renderHomePage,
  renderNotFoundPage,
  renderSourcesPage,
  renderTopicPage,
  type SiteModel,
  topicUrl,
} from './render/pages.ts';
import { EDITORS, type KnowledgeBase, type PublishedSource, type Source } from './read/schema.ts';
import { compileCuration, type Curation, curateEntries, curateGroups } from './editorial/curate.ts';
import { assignIds } from './entries/permalinks.ts';

/** A word seen at most this often in all sources is rare (see group/subject.ts). */
const RARE_WORD_COUNT = 2;

/** The editors' own questions (`question` in the entry files), as the sources page and kb.json describe them. */
const EDITORS_SOURCE: PublishedSource = {
  id: EDITORS,
  file: 'sources/entries',
  format: 'entry-files',
  title: "Answers by the site's editors",
  shortTitle: 'Editors',
  author: 'The editors',
  origin:
    "Written by this site's editors: answers to the questions no source answers, and to questions the sources leave out (decoding and sampling, FlashAttention, mixture of experts, BPE, prompt injection, RAG chunking, perplexity), each citing the papers and documentation it follows under the answer",
  licence: "The site's own writing, published with the site",
};

export interface PipelineOptions {
  /** Site base path, with leading and trailing slash. */
  base: string;
  /** The editors' files (sources/entries/<id>.md): decisions and answers; none gives the automatic grouping alone. */
  entryFiles?: EntryFile[];
  /** The committed id map (sources/entry-ids.json) that keeps anchors stable; none starts afresh. */
  idMap?: IdMap;
  /** The glossary's terms beyond the sources' own glossaries (sources/glossary.json); none gives those alone. */
  glossary?: GlossaryData;
  /** The concepts, topics and diagrams (sources/vocabulary.yaml, topics.yaml, diagrams/); none: this repository's. */
  data?: EditorialData;
  /** The fitting bench's view of the grouping's third pass (group/answer-join.ts). */
  joinHooks?: JoinHooks;
}

export type { SourceReading } from './render/report.ts';

export interface PipelineResult {
  kb: KnowledgeBase;
  /** How each source was read: its file, layout, noise removed and repairs. */
  reading: SourceReading[];
  pages: Page[];
  groups: Group[];
  entries: Entry[];
  /** The editors' grouping decisions as they were applied (the rest stays with the entries). */
  curation: Pick<Curation, 'moves' | 'apart'>;
  problems: Problem[];
  /** The glossary's terms and the matcher that links them. */
  glossary: Glossary;
  /** The id map to commit, and the retired ids each entry answers to. */
  idMap: IdMap;
  anchors: Record<string, string>;
  /** The Anki deck (render/anki.ts), written to public/. */
  ankiDeck: string;
  stats: { sources: number; questions: number; entries: number; merged: number; topics: number; terms: number; removedLines: number };
}

export function runPipeline(sourceTexts: SourceText[], options: PipelineOptions): PipelineResult {
  const { base, entryFiles = [], idMap = EMPTY_ID_MAP, glossary: glossaryData = EMPTY_GLOSSARY } = options;
  const data = options.data ?? repositoryData();
  const index = buildConceptIndex(data.vocabulary);
  checkSectionTopics(sourceTexts.map((t) => t.source), data.topics.map((t) => t.id));

  // Every stage reads a source as its manifest entry's repairs leave it.
  const repairs = sourceTexts.map((t) => repairLines(t.lines, t.source));
  const texts: SourceText[] = sourceTexts.map((t, i) => ({ ...t, lines: repairs[i]!.lines }));

  const parsed: ParseResult[] = texts.map(({ source, lines }) => {
    const result = parseSource(lines, source);
    if (result.questions.length === 0) {
      throw new IngestError(
        source.file,
        `the "${source.format}" parser found no question in this file`,
        `check that the file is written in the "${source.format}" layout (see README.md, "Source layouts"), or set "format" in ${'sources/sources.json'} to its layout`,
      );
    }
    return result;
  });
  // Each source is cleaned with its own words (and the vocabulary's), so adding a source never changes another's text.
  const words = vocabularyWords(data.vocabulary);
  const lexicons = new Map(texts.map((t) => [t.source.id, buildLexicon([t.lines.join('\n')], { words })]));
  const cleaned = parsed.map((p, i) => cleanQuestions(p.questions, lexicons.get(texts[i]!.source.id)!));
  // The editors' decisions, compiled once; every question they name is checked here, so they apply without looking back.
  const curation = compileCuration(entryFiles, cleaned.flatMap((c) => c.variants));
  // The editors' questions come after the sources whose grouping they reviewed, before any new source, so a new
  // source's questions can join the editors' entries (after every source where none is reviewed).
  const at = texts.findLastIndex((t) => t.source.groupingReviewed) + 1 || texts.length;
  const variants: Variant[] = [...cleaned.slice(0, at).flatMap((c) => c.variants), ...curation.questions, ...cleaned.slice(at).flatMap((c) => c.variants)];
  const problems: Problem[] = [...repairs.flatMap((r) => r.problems), ...parsed.flatMap((p) => p.problems), ...unusedSections(texts, parsed)];

  // Rare: at most twice in all the sources' text (a question and its answer). Grouping compares sources, so it counts over all of them.
  const corpus = buildLexicon([...texts.map((t) => t.lines.join('\n')), ...curation.questions.map((v) => `${v.question}\n${v.answer ?? ''}`)]);
  const sourceIds = texts.map((t) => t.source.id);
  const sourceOrder = curation.questions.length ? [...sourceIds.slice(0, at), EDITORS, ...sourceIds.slice(at)] : sourceIds;
  // Grouping's first pass, the editors' merges and splits, then its other two passes (editorial/curate.ts says why there).
  const keyed = keyGroups(variants, index, (word) => corpus.count(word) <= RARE_WORD_COUNT);
  const groups = joinGroups(curateGroups(keyed, curation, idMap), index, {
    senses: data.senses,
    sourceOrder,
    apart: curation.apart,
    reviewed: (id) => id === EDITORS || texts.find((t) => t.source.id === id)?.source.groupingReviewed === true,
    joinHooks: options.joinHooks,
  });
  const sourceName = (id: string) => {
    const source = texts.find((t) => t.source.id === id)?.source ?? EDITORS_SOURCE;
    return source.shortTitle ?? source.title;
  };
  const sectionTopic = (v: Variant) => (v.section ? texts.find((t) => t.source.id === v.source)!.source.sectionTopics?.[v.section] : undefined);
  const built = buildEntries(groups, sourceOrder, index, sectionTopic);
  const permalinks = assignIds(built, idMap, curation.fileOf);
  // The editors' decisions on each entry, by its permanent id: heading and topic, then answer and notes.
  const curated = curateEntries(permalinks.entries, curation, data.topics.map((t) => t.id), sourceName);
  problems.push(...curated.problems);

  const glossary = buildGlossary({ sourceTerms: parsed.flatMap((p) => p.terms), entries: curated.entries, index, data: glossaryData, texts, lexiconOf: (source) => lexicons.get(source)! });
  problems.push(...glossary.problems);
  const termUrl = (id: string) => `${glossaryUrl(base)}#${id}`;
  const entries = linkEntries(curated.entries, glossary.linking, termUrl);
  const byId = new Map(entries.map((e) => [e.id, e]));

  const topics = data.topics.map((t) => ({ ...t, entries: learningOrder(entries.filter((e) => e.topic === t.id)) })).filter((t) => t.entries.length > 0);
  const sources = texts.map((t, i) => ({ ...describe(t.source), questions: parsed[i]!.questions.length }));
  if (curation.questions.length) sources.splice(at, 0, { ...EDITORS_SOURCE, questions: curation.questions.length });
  const removed = texts.map((_, i) => ({ ...parsed[i]!.removed, 'stray bullet or digit': cleaned[i]!.dropped }));
  const reading: SourceReading[] = texts.map(({ source }, i) => ({
    source: { id: source.id, title: source.title, file: source.file, format: source.format },
    questions: parsed[i]!.questions.length,
    removed: removed[i]!,
    repairs: (source.repairs ?? []).map((r, j) => ({ ...r, applied: repairs[i]!.applied[j]! })),
  }));
  const model: SiteModel = {
    base,
    sources,
    topics,
    entries: byId,
    glossary: glossary.terms,
    aliasesOf: permalinks.aliasesOf,
    diagrams: new Map(data.diagrams.map((d) => [d.id, d])),
    references: texts.map((t, i) => ({ source: t.source.id, items: parsed[i]!.references.map(sanitiseMarkdown) })).filter((r) => r.items.length),
  };
  const pages: Page[] = [
    renderHomePage(model),
    ...topics.map((t, i) => renderTopicPage(t, i + 1, model)),
    renderGlossaryPage(model),
    renderSourcesPage(model),
    renderNotFoundPage(model),
    ...entries.map((e) => renderAnswerPage(e, model)),
  ];

  const kb: KnowledgeBase = {
    sources,
    topics: topics.map((t) => ({ id: t.id, title: t.title, url: topicUrl(base, t.id), description: t.description, entries: t.entries.length })),
    entries: topics.flatMap((t) =>
      t.entries.map((e) => ({
        id: e.id,
        question: e.question,
        topic: e.topic,
        url: entryUrl(base, e),
        short: e.short ?? null,
        answer: e.answer && stripCitations(e.answer),
        credits: creditsOf(e.answer),
        sources: e.sources,
        variants: e.variants.map((v) => ({ source: v.source, line: v.line, question: v.question, answer: v.answer })),
        related: e.related,
        terms: e.terms,
        notes: e.notes,
        mistakes: e.mistakes,
        editorsWording: e.editorsWording,
        editorsAnswer: e.editorsAnswer,
      })),
    ),
    glossary: glossary.terms.map((t) => ({
      id: t.id,
      term: t.term,
      definition: t.definition,
      source: t.source ?? null,
      line: t.line ?? null,
      references: t.references,
      url: termUrl(t.id),
      entries: t.entries,
    })),
  };
  const removedLines = removed.reduce((n, r) => n + Object.values(r).reduce((a, b) => a + b, 0), 0);
  // Every anchor ever handed out, current or retired, and where it lands now: for links into moved entries.
  const anchors: Record<string, string> = Object.fromEntries(entries.map((e) => [e.id, entryUrl(base, e)]));
  for (const [from, to] of Object.entries(permalinks.map.aliases)) anchors[from] = anchors[to]!;
  return {
    kb,
    reading,
    pages,
    groups,
    entries,
    curation: { moves: curation.moves, apart: curation.apart },
    problems,
    glossary,
    idMap: permalinks.map,
    anchors: Object.fromEntries(Object.entries(anchors).sort((a, b) => a[0].localeCompare(b[0]))),
    ankiDeck: renderAnkiDeck(kb),
    stats: {
      sources: texts.length,
      questions: variants.length,
      entries: entries.length,
      merged: variants.length - entries.length,
      topics: topics.length,
      terms: glossary.terms.length,
      removedLines,
    },
  };
}

/** A source as kb.json and the pages describe it: how it is read (options, repairs, section topics) stays out. */
function describe(source: Source): PublishedSource {
  const { options: _options, repairs: _repairs, sectionTopics: _sectionTopics, ...description } = source;
  return description;
}

/** A section put in a topic that does not exist stops the ingest: its questions would lose their page. */
function checkSectionTopics(sources: Source[], topics: string[]): void {
  for (const source of sources) {
    for (const [section, topic] of Object.entries(source.sectionTopics ?? {})) {
      if (topics.includes(topic)) continue;
      throw new IngestError(
        MANIFEST,
        `source "${source.id}" puts its section "${section}" in the topic "${topic}", which does not exist`,
        `use one of ${topics.join(', ')} (sources/topics.yaml)`,
      );
    }
  }
}

/** Sections a manifest entry names that none of the source's questions sits in (a title misspelt or renamed). */
function unusedSections(texts: SourceText[], parsed: ParseResult[]): Problem[] {
  return texts.flatMap(({ source, entryLine = 1 }, i) => {
    const found = new Set(parsed[i]!.questions.map((q) => q.section));
    return Object.keys(source.sectionTopics ?? {})
      .filter((section) => !found.has(section))
      .map((section) => ({
        file: MANIFEST,
        line: entryLine,
        message: `source "${source.id}" gives a topic to the section "${section}", but no question of the source is in a section of that title`,
      }));
  });
}
