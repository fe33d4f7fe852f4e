/**
 * The site's search records, one per question and glossary term, as small HTML documents for Pagefind. Nothing
 * else is indexed: a source, the home, study and Sources pages are not answers to a question.
 *
 * Starlight's index has one record per page and shows at most three sub-results per page, so on a topic page
 * with forty questions most would never show. Each entry is therefore its own record, at its anchor on its
 * topic page, and its parts carry Pagefind weights so that a question's own wording outranks a passing mention
 * in another answer:
 * - the heading (Pagefind weighs an h1 7×) and the other wordings it was asked in (5×);
 * - the names of the concepts it asks about, with their acronyms and synonyms from the vocabulary (4×), so that
 *   "gqa" or "layer norm" finds the question that spells them out;
 * - its answer as text (1×): math as symbols, no credit tags;
 * - as the answer (1×), the short names of related concepts ("Related: GQA"), the names readers search the
 *   concept by (number formats: "int8"), and the American spelling of its British words ("Also spelt").
 * Filters are its topic and the sources that ask it. Only content is indexed: no credit tags, no reference
 * list, no interface text.
 */
import type { ConceptDefinition } from '../../scripts/lib/site.ts';
import { buildConceptIndex, type KnowledgeBase, mathInTextAsText, readableText, stem } from '../../scripts/lib/site.ts';
import { americanSpelling, lexiconOf } from '../search/spelling.ts';

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
 * A concept's short name, the one a comparison of two concepts is typed with ("mqa gqa", "bert gpt"): the
 * acronym its label gives, or its name when that is one (BERT, T5, LoRA). Long names are in the text.
 */
function shortName(concept: ConceptDefinition): string | undefined {
  const isAcronym = (name: string) => /^[A-Za-z0-9-]+$/.test(name) && (name.match(/[A-Z0-9]/g) ?? []).length >= 2;
  const given = /\(([^)]*)\)/.exec(concept.label)?.[1];
  const name = concept.label.replace(/\s*\([^)]*\)/g, '');
  return given && isAcronym(given) ? given : isAcronym(name) ? name : undefined;
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

/** Lower-case words of a text, as the lexicon counts them: hyphenated words in their parts. */
const wordsOf = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/**
 * Names with one of each: a name whose words have the stems of an earlier one's ("attention mechanism" after
 * "Attention mechanism", "visualize" after "visualization") adds nothing to the index, and a result's excerpt
 * can be this list, which then reads as a list of the same word.
 */
export function distinctNames(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => {
    const key = wordsOf(name).map(stem).join(' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function searchRecords(kb: KnowledgeBase, base: string, vocabulary: ConceptDefinition[]): SearchRecord[] {
  const concepts = buildConceptIndex(vocabulary);
  const acronyms = definedAcronyms(kb.entries.flatMap((e) => [e.question, e.answer ?? '', ...e.variants.map((v) => v.question)]));
  const words = (text: string) => ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  const sourceName = new Map(kb.sources.map((s) => [s.id, s.shortTitle ?? s.title]));
  const topicTitle = new Map(kb.topics.map((t) => [t.id, t.title]));
  const local = (url: string) => `/${url.slice(base.length)}`;

  // British spellings read as American where the site or the vocabulary has the American word, so that
  // "optimiser" in a text is the concept "optimizer", and a record says both (src/search/spelling.ts).
  const known = lexiconOf([
    ...kb.entries.flatMap((e) => wordsOf([e.question, e.answer ?? '', ...e.variants.map((v) => v.question)].join(' '))),
    ...kb.glossary.flatMap((t) => wordsOf(`${t.term} ${t.definition}`)),
    ...vocabulary.flatMap((c) => wordsOf(c.aliases.join(' '))),
  ]);
  const american = (text: string) => [...new Set(wordsOf(text).flatMap((w) => americanSpelling(w, known) ?? []))];
  const americanText = (text: string) => text.replace(/\p{L}+/gu, (w) => americanSpelling(w.toLowerCase(), known) ?? w);

  const asked = kb.entries.map((entry) => {
    const questions = [entry.question, ...entry.variants.map((v) => v.question)].join('\n');
    // General concepts (level 0: transformer, LLM) are in almost every question and would only add noise.
    const named = concepts.find(americanText(questions)).filter((id) => concepts.concepts.get(id)!.level > 0);
    const mentioned = concepts.find(americanText(entry.answer ?? '')).filter((id) => concepts.concepts.get(id)!.level === 2 && !named.includes(id));
    return { entry, named, mentioned };
  });
  // Concepts that are compared with each other, typed as two short names ("mqa gqa", "roberta albert"): those
  // of one family (the vocabulary's topic), and those an entry relates by asking about one and answering with
  // the other ("GQA sits between multi-head and multi-query attention"). An entry about one carries the short
  // names of the others, so that such a comparison finds the entries of both.
  const related = new Map<string, Set<string>>();
  const relate = (a: string, b: string) => {
    if (a !== b && shortName(concepts.concepts.get(b)!)) related.set(a, (related.get(a) ?? new Set()).add(b));
  };
  const shortNamed = vocabulary.filter((c) => c.level === 2 && shortName(c));
  for (const a of shortNamed) for (const b of shortNamed) if (a.topic === b.topic) relate(a.id, b.id);
  for (const { named, mentioned } of asked) {
    for (const a of named) {
      for (const b of mentioned) {
        relate(a, b);
        relate(b, a);
      }
    }
  }

  const entries = asked.map(({ entry, named, mentioned }): SearchRecord => {
    const title = mathInTextAsText(entry.question).replace(/[.;]$/, '');
    const wordings = [...new Set(entry.variants.map((v) => mathInTextAsText(v.question)))].filter((q) => q !== mathInTextAsText(entry.question));
    const answer = entry.answer ? readableText(entry.answer) : 'No source answers this question yet.';
    const short = entry.short ? readableText(entry.short) : '';
    // An acronym defined elsewhere ("mixture of experts (MoE)") finds the questions that spell its phrase out.
    const text = words([title, ...wordings, short, answer].join(' '));
    const spelledOut = [...acronyms].filter(([phrase]) => text.includes(` ${phrase} `)).map(([, acronym]) => acronym);
    const definitions = named.map((id) => concepts.concepts.get(id)!);
    const names = [...definitions.flatMap(conceptNames), ...spelledOut];
    // The short names (acronyms) of what the answer mentions and of the concepts related to the entry's own,
    // and what readers search for by other names (number formats): weighed as the answer is.
    const relatedIds = [...new Set([...mentioned, ...named.filter((id) => shortName(concepts.concepts.get(id)!)).flatMap((id) => [...(related.get(id) ?? [])])])].filter((id) => !named.includes(id));
    const present = new Set(wordsOf([title, ...wordings, short, answer, ...names].join(' ')));
    const relatedNames = [...new Set([...definitions.flatMap((c) => c.searchNames ?? []), ...relatedIds.flatMap((id) => shortName(concepts.concepts.get(id)!) ?? [])])].filter(
      (name) => !wordsOf(name).every((w) => present.has(w)),
    );
    const spelt = american([title, ...wordings, short, answer].join(' '));
    const topic = topicTitle.get(entry.topic)!;
    // "In short" first, then the answer; what the record is found by (other wordings, names) follows them, and a
    // result whose excerpt Pagefind takes there gets one from the answer (src/search/excerpt.ts).
    const body = [
      paragraph(short),
      paragraph(answer),
      paragraph(wordings.length ? `Also asked as: ${wordings.join(' · ')}` : '', WORDING_WEIGHT),
      paragraph(names.length ? `Also called: ${distinctNames(names).join(', ')}.` : '', CONCEPT_WEIGHT),
      paragraph(relatedNames.length ? `Related: ${relatedNames.join(', ')}.` : ''),
      paragraph(spelt.length ? `Also spelt: ${spelt.join(', ')}.` : ''),
    ];
    return { url: local(entry.url), title, html: document(title, body, { topic }, { topic: [topic], source: entry.sources.map((id) => sourceName.get(id)!) }) };
  });
  // Glossary terms are records of their own too, so one long glossary page does not outrank every question.
  // Sources are not: a source is the site's reference, not an answer, and its page is one link away.
  const terms = kb.glossary.map((term): SearchRecord => {
    const title = `${term.term} (glossary)`;
    const definition = readableText(term.definition);
    const spelt = american(`${term.term} ${definition}`);
    return {
      url: local(term.url),
      title,
      html: document(title, [paragraph(definition), paragraph(spelt.length ? `Also spelt: ${spelt.join(', ')}.` : '')], {}, { topic: ['Glossary'] }),
    };
  });
  return [...entries, ...terms];
}

/** The index's words and the number of records each is in, for the search dialog's spelling (src/search/spelling.ts). */
export function searchLexicon(records: SearchRecord[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const record of records) {
    const text = record.html.replace(/<[^>]*>/g, ' ').replace(/&[a-z]+;/g, ' ');
    // Only words of letters: a query word with a digit ("int8", "t5") is searched as typed (src/search/spelling.ts).
    for (const word of new Set(wordsOf(text))) if (/^\p{L}+$/u.test(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
}
