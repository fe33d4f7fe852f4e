/**
 * The glossary: every term a source's glossary defines (the book's), plus the terms of sources/glossary.json,
 * each defined by a sentence quoted from the source line it names, or by the editors with references where no
 * source defines the term correctly. Also the matchers that find the terms in text (link-terms.ts).
 */
import { type Lexicon, joinBroken, restoreCompounds } from '../text/lexicon.ts';
import { repairMath } from '../clean/math.ts';
import type { IdentifiedEntry } from '../entries/permalinks.ts';
import { type ConceptIndex, normaliseWords } from '../text/concepts.ts';
import { type TermMatcher, termMatcher, termsIn } from './link-terms.ts';
import type { ParsedTerm } from '../parse/types.ts';
import type { Problem } from '../shared/problem.ts';
import type { SourceText } from '../read/types.ts';
import { parseInline, serialise } from '../shared/markdown.ts';
import type { Ref } from '../read/schema.ts';
import type { GlossaryData } from '../read/glossary-data.ts';
import { sentencesOf } from '../text/sentences.ts';
import { slugify } from '../text/slug.ts';

export interface Term {
  id: string;
  term: string;
  /** Markdown, MDX-safe. */
  definition: string;
  /** Where the definition is quoted from: a source and the line it starts on; absent for the editors'. */
  source?: string;
  line?: number;
  /** The editors' definitions: the paper or documentation they follow. */
  references: Ref[];
  /** Entries whose question or answer names the term. */
  entries: string[];
  /** Concept the term stands for, when the vocabulary has one. */
  concept?: string;
  /** Phrases that name the term in running text. */
  phrases: string[];
  link: boolean;
}

export interface Glossary {
  terms: Term[];
  problems: Problem[];
  /** Finds the linked terms (and not their words inside compounds). */
  linking: TermMatcher;
}

const LIST_MARKER = /^\s*(?:[-*•·]|\d+\.)\s+/;
/** "Answer:", "Ans -", "**Beam Search:**", "Definition:" before the sentence itself. */
const LABEL = /^(?:Ans\s*-\s*|(?:\*\*)?[A-Z][^:*.]{0,60}:(?:\*\*)?\s+)/;
const SENTENCE_END = /[.!?]["')\]]?$/;

/**
 * The sentences of a source quoted as a definition: from sentence `sentence` of line `line` (1-based), `count`
 * sentences, continued over the following lines when a sentence runs on (PDF page and line breaks).
 */
export function quoteLines(lines: string[], line: number, sentence = 1, count = 1, lexicon?: Lexicon): string | undefined {
  let text = (lines[line - 1] ?? '').trim();
  if (!text) return undefined;
  text = text.replace(LIST_MARKER, '').replace(LABEL, '');
  const split = sentencesOf;
  const wanted = sentence - 1 + count;
  // Runs on while the sentences wanted are not all complete, over at most three more non-empty lines.
  for (let next = line, added = 0; (split(text).length < wanted || !SENTENCE_END.test(split(text)[wanted - 1] ?? text)) && added < 3; ) {
    next++;
    if (next > lines.length) break;
    const more = lines[next - 1]!.trim();
    if (!more) continue;
    text = lexicon ? joinBroken(text, more, lexicon) : `${text} ${more}`;
    added++;
  }
  const picked = split(text).slice(sentence - 1, wanted);
  if (picked.length < count) return undefined;
  const quoted = picked.join(' ');
  return lexicon ? restoreCompounds(quoted, lexicon) : quoted;
}

const toMarkdown = (text: string) => serialise({ type: 'root', children: [{ type: 'paragraph', children: parseInline(repairMath(text)) }] });

/**
 * Words of a term's heading that name it: "Layer Norm (Layer Normalization)" → "Layer Norm", "Layer Normalization";
 * "Rotary positional embedding (RoPE)" → also "RoPE", an acronym, whose spelling the links keep (link-terms.ts).
 */
function headingPhrases(term: string): string[] {
  const inside = [...term.matchAll(/\(([^)]+)\)/g)].map((m) => m[1]!);
  return [term.replace(/\s*\(.*?\)/g, ''), ...inside.filter((p) => /^[A-Z0-9-]{2,}$/.test(p) || /^\S+\p{Lu}\S*$/u.test(p) || p.includes(' '))].map((p) => p.trim()).filter(Boolean);
}

export interface GlossaryInput {
  /** The glossary items the sources' own glossaries hold. */
  sourceTerms: ParsedTerm[];
  entries: readonly IdentifiedEntry[];
  index: ConceptIndex;
  data: GlossaryData;
  texts: SourceText[];
  /** The lexicon a source's text is repaired with (see text/lexicon.ts). */
  lexiconOf?: (source: string) => Lexicon;
}

export function buildGlossary({ sourceTerms, entries, index, data, texts, lexiconOf }: GlossaryInput): Glossary {
  const problems: Problem[] = [];
  const files = Object.fromEntries(texts.map((t) => [t.source.id, t.source.file]));
  const warn = (message: string, file = 'sources/glossary.json', line = 1) => problems.push({ file, line, message });
  const terms = new Map<string, Omit<Term, 'entries' | 'phrases' | 'link'>>();

  for (const item of sourceTerms) {
    const usable = (id: string) => !index.concepts.get(id)!.noGlossary;
    const concept =
      index.find(item.term.replace(/\s*\(.*?\)\s*/g, ' ')).find((id) => usable(id) && index.concepts.get(id)!.level > 0) ?? index.find(item.term).find(usable);
    const id = concept && !terms.has(concept) ? concept : slugify(item.term, 48);
    terms.set(id, { id, term: item.term, definition: item.definition, source: item.source, line: item.line, references: [], ...(concept ? { concept } : {}) });
  }

  const settings = new Map<string, GlossaryData['terms'][number]>();
  for (const item of data.terms) {
    if (settings.has(item.id)) warn(`glossary term "${item.id}" is listed twice; the second is ignored`);
    else settings.set(item.id, item);
  }
  for (const item of settings.values()) {
    if (item.concept && !index.concepts.has(item.concept)) warn(`glossary term "${item.id}" names the concept "${item.concept}", which sources/vocabulary.yaml does not have`);
    const existing = terms.get(item.id);
    const concept = item.concept && index.concepts.has(item.concept) ? item.concept : existing?.concept;
    const base = { id: item.id, term: item.term ?? existing?.term ?? item.id, references: [], ...(concept ? { concept } : {}) };
    if (item.definition) {
      terms.set(item.id, { ...base, definition: toMarkdown(item.definition), references: item.references ?? [] });
    } else if (item.definedIn) {
      const { source, line, sentence = 1, sentences = 1 } = item.definedIn;
      const text = texts.find((t) => t.source.id === source);
      if (!text) {
        warn(`glossary term "${item.id}" is defined in source "${source}", which the manifest does not list`);
        continue;
      }
      const quote = quoteLines(text.lines, line, sentence, sentences, lexiconOf?.(source));
      if (!quote) {
        warn(`glossary term "${item.term}" expects ${sentences === 1 ? 'its defining sentence' : `${sentences} defining sentences`} here (from sentence ${sentence}); the line has none`, files[source], line);
        continue;
      }
      terms.set(item.id, { ...base, definition: toMarkdown(quote), source, line });
    } else if (existing) {
      if (item.term) existing.term = item.term;
      if (concept) existing.concept = concept;
    } else {
      warn(`glossary term "${item.id}" has no definition: give "definedIn" or "definition", or use the id of a term a source's glossary defines`);
    }
  }

  const complete: Term[] = [...terms.values()].map((t) => {
    const item = settings.get(t.id);
    const aliases = t.concept ? index.concepts.get(t.concept)!.aliases : [];
    const not = new Set((item?.notAliases ?? []).map((a) => normaliseWords(a).join(' ')));
    const phrases = [...new Set([...aliases, ...headingPhrases(t.term), ...(item?.aliases ?? [])])].filter((p) => !not.has(normaliseWords(p).join(' ')));
    return { ...t, entries: [], phrases, link: item?.link ?? true };
  });

  // A quoted definition must name its term: a line number that drifted (a source edited) shows here.
  for (const t of complete) {
    if (!t.source || settings.get(t.id)?.definedIn === undefined) continue;
    const words = ` ${normaliseWords(t.definition).join(' ')} `;
    if (!t.phrases.some((p) => words.includes(` ${normaliseWords(p).join(' ')} `))) {
      warn(`glossary term "${t.term}" is defined by line ${t.line} of ${t.source}, whose sentence does not name it; check the line number`, files[t.source], t.line);
    }
  }

  // Everything the vocabulary names that is not a linked term, and the compounds, are never linked in part.
  const linked = complete.filter((t) => t.link);
  const linkedPhrases = new Set(linked.flatMap((t) => t.phrases.map((p) => normaliseWords(p).join(' '))));
  const others = [
    ...data.compounds,
    // Sources are cited by name in answers ("LLM Q&A"): a name is not a mention of the terms in it.
    ...texts.flatMap((t) => [t.source.title, ...(t.source.shortTitle ? [t.source.shortTitle] : [])]),
    ...[...index.concepts.values()].flatMap((c) => c.aliases),
    ...complete.flatMap((t) => [...(t.link ? [] : t.phrases), ...(settings.get(t.id)?.notAliases ?? [])]),
  ].filter((p) => !linkedPhrases.has(normaliseWords(p).join(' ')));
  const linking = termMatcher(linked, others);
  const naming = termMatcher(complete, others);
  const byId = new Map(complete.map((t) => [t.id, t]));
  for (const entry of entries) {
    const text = entry.variants.map((v) => `${v.question}\n${v.answer ?? ''}`).join('\n');
    for (const id of termsIn(text, naming)) byId.get(id)!.entries.push(entry.id);
  }

  const sorted = complete.sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }));
  return { terms: sorted, problems, linking };
}
