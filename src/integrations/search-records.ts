/**
 * The site's search records, one per question, glossary term and source, as small HTML documents for Pagefind.
 *
 * Starlight's index has one record per page and shows at most three sub-results per page, so on a topic page
 * with forty questions most would never show. Each entry is therefore its own record, at its anchor on its
 * topic page, and its parts carry Pagefind weights so that a question's own wording outranks a passing mention
 * in another answer:
 * - the heading (Pagefind weighs an h1 7×) and the other wordings it was asked in (5×);
 * - the names of the concepts it asks about, with their acronyms and synonyms from the vocabulary (4×), so that
 *   "gqa" or "layer norm" finds the question that spells them out;
 * - its answer as text (1×): math as symbols, no credit tags.
 * Filters are its topic and the sources that ask it. Only content is indexed: no credit tags, no reference
 * list, no interface text.
 */
import type { ConceptDefinition } from '../../scripts/data/vocabulary.ts';
import { buildConceptIndex } from '../../scripts/lib/group/concepts.ts';
import { mathInTextAsText, readableText } from '../../scripts/lib/render/readable.ts';
import type { KnowledgeBase } from '../../scripts/lib/schema.ts';

export interface SearchRecord {
  /** The result's URL without the site's base: Pagefind puts the base in front itself. */
  url: string;
  title: string;
  html: string;
}

const SMALL_WORDS = new Set(['of', 'the', 'and', 'a', 'to', 'for', 'in', 'on', 'with']);
const WORDING_WEIGHT = 5;
const CONCEPT_WEIGHT = 4;

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const attribute = (name: string, value: string) => ` ${name}="${escapeHtml(value)}"`;

function document(title: string, body: string[], meta: Record<string, string>, filters: Record<string, string[]>): string {
  const tags = [
    ...Object.entries(meta).map(([key, value]) => `<span${attribute('data-pagefind-meta', `${key}:${value}`)}></span>`),
    ...Object.entries(filters).flatMap(([key, values]) => values.map((value) => `<span${attribute('data-pagefind-filter', `${key}:${value}`)}></span>`)),
  ];
  return `<!doctype html><html lang="en"><head><title>${escapeHtml(title)}</title></head><body><main data-pagefind-body><h1>${escapeHtml(title)}</h1>${body.join('')}${tags.join('')}</main></body></html>`;
}

const paragraph = (text: string, weight?: number) => (text ? `<p${weight ? attribute('data-pagefind-weight', String(weight)) : ''}>${escapeHtml(text)}</p>` : '');

/** Words that mark an alias as a phrase the grouping matches ("scaling dividing by"), not a name a reader types. */
const PHRASE_WORDS = new Set([...SMALL_WORDS, 'by', 'how', 'many', 'is', 'inside', 'are', 'when']);

/**
 * A concept's names as a reader may type them: its label, the acronym in it, and those of its aliases that are
 * names. They can show in a result's excerpt, so they are the ones that read as names.
 */
function conceptNames(concept: ConceptDefinition): string[] {
  const acronym = /\(([A-Za-z0-9-]{2,})\)/.exec(concept.label)?.[1];
  const names = concept.aliases.filter((alias) => !alias.split(' ').some((word) => PHRASE_WORDS.has(word)));
  return [...new Set([concept.label.replace(/\s*\([^)]*\)/g, ''), ...(acronym ? [acronym] : []), ...names])];
}

/**
 * Acronyms the questions and answers define themselves, "mixture of experts (MoE)": the phrase, in lower case,
 * and its acronym, when the acronym's letters start the phrase's words.
 */
export function definedAcronyms(texts: string[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const text of texts) {
    for (const match of text.matchAll(/((?:[A-Za-z]+[\s-]+){1,8})\(([A-Za-z]{2,6})\)/g)) {
      const words = match[1]!.trim().toLowerCase().split(/[\s-]+/);
      const acronym = match[2]!;
      // The shortest tail of the words whose initials spell the acronym, small words allowed in between.
      for (let start = words.length - 1; start >= 0 && words.length - start <= acronym.length + 3; start--) {
        const phrase = words.slice(start);
        const initials = (list: string[]) => list.map((w) => w[0]).join('');
        if (initials(phrase) === acronym.toLowerCase() || initials(phrase.filter((w) => !SMALL_WORDS.has(w))) === acronym.toLowerCase()) {
          if (!SMALL_WORDS.has(phrase[0]!)) found.set(phrase.join(' '), acronym);
          break;
        }
      }
    }
  }
  return found;
}

export function searchRecords(kb: KnowledgeBase, base: string, vocabulary: ConceptDefinition[]): SearchRecord[] {
  const concepts = buildConceptIndex(vocabulary);
  const acronyms = definedAcronyms(kb.entries.flatMap((e) => [e.question, e.answer ?? '', ...e.variants.map((v) => v.question)]));
  const words = (text: string) => ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  const sourceName = new Map(kb.sources.map((s) => [s.id, s.shortTitle ?? s.title]));
  const topicTitle = new Map(kb.topics.map((t) => [t.id, t.title]));
  const local = (url: string) => `/${url.slice(base.length)}`;

  const entries = kb.entries.map((entry): SearchRecord => {
    const title = mathInTextAsText(entry.question).replace(/[.;]$/, '');
    const wordings = [...new Set(entry.variants.map((v) => mathInTextAsText(v.question)))].filter((q) => q !== mathInTextAsText(entry.question));
    // General concepts (level 0: transformer, LLM) are in almost every question and would only add noise.
    const named = concepts.find([entry.question, ...entry.variants.map((v) => v.question)].join('\n')).map((id) => concepts.concepts.get(id)!);
    const answer = entry.answer ? readableText(entry.answer) : 'No source answers this question yet.';
    // An acronym defined elsewhere ("mixture of experts (MoE)") finds the questions that spell its phrase out.
    const text = words([title, ...wordings, answer].join(' '));
    const spelledOut = [...acronyms].filter(([phrase]) => text.includes(` ${phrase} `)).map(([, acronym]) => acronym);
    const names = [...named.filter((c) => c.level > 0).flatMap(conceptNames), ...spelledOut];
    const topic = topicTitle.get(entry.topic)!;
    const body = [paragraph(wordings.join(' · '), WORDING_WEIGHT), paragraph(answer), paragraph(names.length ? `Also called: ${[...new Set(names)].join(', ')}.` : '', CONCEPT_WEIGHT)];
    return { url: local(entry.url), title, html: document(title, body, { topic }, { topic: [topic], source: entry.sources.map((id) => sourceName.get(id)!) }) };
  });
  // Glossary terms are records of their own too, so one long glossary page does not outrank every question.
  const terms = kb.glossary.map((term): SearchRecord => {
    const title = `${term.term} (glossary)`;
    return { url: local(term.url), title, html: document(title, [paragraph(readableText(term.definition))], {}, { topic: ['Glossary'] }) };
  });
  // A source is found by its title and what it is; the book's reference list is not the site's content.
  const sources = kb.sources.map((source): SearchRecord => {
    const facts = [source.shortTitle, source.author, source.origin].filter((f): f is string => Boolean(f));
    return { url: local(`${base}sources/#${source.id}`), title: source.title, html: document(source.title, [paragraph(facts.join('. '))], {}, { topic: ['Sources'] }) };
  });
  return [...entries, ...terms, ...sources];
}
