/**
 * The glossary: every term a source's glossary defines (the book's), plus the vocabulary's terms that a
 * source answer defines (LoRA, RoPE, KV cache, …), each definition quoted from its source and credited.
 */
import type { ConceptDefinition } from '../data/vocabulary.ts';
import type { Entry } from './entries.ts';
import { type ConceptIndex, normaliseWords } from './group/concepts.ts';
import type { ParsedTerm, Problem, Variant } from './model.ts';
import { slugify } from './slug.ts';

export interface Term {
  id: string;
  term: string;
  /** Markdown (already MDX-safe when it comes from a cleaned answer). */
  definition: string;
  source: string;
  line: number;
  /** Entries whose question or answer mentions the term. */
  entries: string[];
  /** Concept the term stands for, when the vocabulary has one: its aliases find mentions. */
  concept?: string;
}

/** First sentence of an answer that names the concept, or its first sentence. */
function definingSentence(markdown: string, concept: ConceptDefinition, index: ConceptIndex): string {
  const paragraphs = markdown
    .split(/\n{2,}/)
    .map((p) => p.replace(/^\s*(?:[-*]|\d+\.)\s+/gm, '').replace(/\n/g, ' ').trim())
    .filter((p) => p && !p.startsWith('$$') && !p.startsWith('|'));
  const sentences = paragraphs.flatMap((p) => p.split(/(?<=[.!?])\s+(?=[A-Z*])/));
  return sentences.find((s) => index.find(s).includes(concept.id)) ?? sentences[0] ?? markdown;
}

export function buildGlossary(
  sourceTerms: ParsedTerm[],
  variants: Variant[],
  entries: Entry[],
  vocabulary: ConceptDefinition[],
  index: ConceptIndex,
  files: Record<string, string>,
): { terms: Term[]; problems: Problem[] } {
  const terms = new Map<string, Term>();
  const problems: Problem[] = [];
  for (const item of sourceTerms) {
    const concept = index.find(item.term.replace(/\s*\(.*?\)\s*/g, ' ')).find((id) => !index.concepts.get(id)!.noGlossary && index.concepts.get(id)!.level > 0)
      ?? index.find(item.term).find((id) => !index.concepts.get(id)!.noGlossary);
    const id = concept && !terms.has(concept) ? concept : slugify(item.term, 48);
    terms.set(id, { id, term: item.term, definition: item.definition, source: item.source, line: item.line, entries: [], ...(concept ? { concept } : {}) });
  }
  const covered = new Set([...terms.values()].flatMap((t) => (t.concept ? [t.concept] : [])));
  for (const concept of vocabulary) {
    if (!concept.definedIn || concept.noGlossary || covered.has(concept.id)) continue;
    const { source, line } = concept.definedIn;
    const variant = variants.find((v) => v.source === source && v.line === line);
    if (!variant?.answer) {
      problems.push({ file: files[source] ?? source, line, message: `glossary term "${concept.label}" expects its definition in the answer to the question on this line; none was found there` });
      continue;
    }
    terms.set(concept.id, { id: concept.id, term: concept.label, definition: definingSentence(variant.answer, concept, index), source, line, entries: [], concept: concept.id });
  }
  for (const term of terms.values()) {
    const words = ` ${normaliseWords(term.term.replace(/\(.*?\)/g, '')).join(' ')} `;
    const mentions = (e: Entry) =>
      term.concept
        ? e.mentions.includes(term.concept)
        : e.variants.some((v) => ` ${normaliseWords(`${v.question} ${v.answer ?? ''}`).join(' ')} `.includes(words));
    term.entries = entries.filter(mentions).map((e) => e.id);
  }
  return { terms: [...terms.values()].sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' })), problems };
}
