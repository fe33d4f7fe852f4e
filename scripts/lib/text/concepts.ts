/**
 * Recognises the concepts a text is about, through the vocabulary's terms, synonyms and acronyms.
 * Matching is on normalised words (lower case, hyphens as spaces, plurals folded), longest term first.
 */
/** A concept of the vocabulary, sources/vocabulary.yaml (each key explained in schemas/vocabulary.schema.json). */
export interface ConceptDefinition {
  id: string;
  label: string;
  level: 0 | 1 | 2;
  topic?: string;
  aliases: string[];
  subsumes?: string[];
  noGlossary?: boolean;
  searchNames?: string[];
}

export interface ConceptIndex {
  concepts: Map<string, ConceptDefinition>;
  /** Concepts named in a text, in order of first mention, each once. */
  find(text: string): string[];
}

const NOT_PLURAL = new Set(['bias', 'corpus', 'status', 'thus', 'this', 'does', 'was', 'has', 'is', 'its', 'across', 'always', 'perhaps']);

function foldPlural(word: string): string {
  if (word.length <= 3 || NOT_PLURAL.has(word) || /(?:ss|ous|is)$/.test(word)) return word;
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(?:ch|sh|x)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

/** Every text's words, read once: grouping reads the same words and sentences many times over. */
const wordsOf = new Map<string, readonly string[]>();

/** Lower-cased, plural-folded words; punctuation and TeX's braces dropped. */
export function normaliseWords(text: string): string[] {
  let words = wordsOf.get(text);
  if (!words) wordsOf.set(text, (words = readWords(text)));
  return [...words];
}

function readWords(text: string): string[] {
  return text
    .toLowerCase()
    // A TeX command is read as the word it is ("$\\sqrt{d_k}$" → "sqrt d k"): notation names its concept too.
    .replace(/\$[^$]*\$/g, (m) => m.replace(/\\([a-z]+)/g, ' $1 ').replace(/[{}^_$\\]/g, ' '))
    .replace(/['’]s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map(foldPlural);
}

export function buildConceptIndex(vocabulary: ConceptDefinition[]): ConceptIndex {
  const concepts = new Map(vocabulary.map((c) => [c.id, c]));
  const terms = vocabulary.flatMap((c) => c.aliases.map((alias) => ({ words: normaliseWords(alias), id: c.id }))).filter((t) => t.words.length);
  const byFirstWord = Map.groupBy(terms, (t) => t.words[0]!);
  for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length || a.id.localeCompare(b.id));

  // The same questions and answers are asked about many times over (grouping, entries, related entries).
  const found = new Map<string, readonly string[]>();
  return {
    concepts,
    find(text) {
      let ids = found.get(text);
      if (!ids) found.set(text, (ids = findIn(text)));
      return [...ids];
    },
  };

  function findIn(text: string): string[] {
    const words = normaliseWords(text);
    const ids: string[] = [];
    for (let i = 0; i < words.length; ) {
      const match = byFirstWord.get(words[i]!)?.find((a) => a.words.every((w, k) => words[i + k] === w));
      if (match) {
        if (!ids.includes(match.id)) ids.push(match.id);
        i += match.words.length;
      } else i++;
    }
    return ids;
  }
}

/** Drops concepts that a more specific concept in the same list subsumes. */
export function dropSubsumed(ids: string[], index: ConceptIndex): string[] {
  const subsumed = new Set(ids.flatMap((id) => index.concepts.get(id)?.subsumes ?? []));
  return ids.filter((id) => !subsumed.has(id));
}
