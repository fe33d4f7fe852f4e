/**
 * Spelling that search forgives: a query word the index does not contain is read as the index's own word for
 * it. The index's words (the lexicon) are written at build time from the search records
 * (src/integrations/search-records.ts); a word is then
 * - spelt as the index spells it, British or American ("quantisation" → "quantization"): rules over the
 *   endings that differ (-ise/-isation/-iser, -yse, -our, -tre, -lled/-lling, -ogue, -ence), and a rewrite
 *   counts only when the index has the rewritten word, so "promise" or "four" stay as they are;
 * - or, when the index has no such word and no word it begins (a word still being typed), corrected to the
 *   nearest word of the index within an edit distance that grows with its length ("atention" → "attention"):
 *   Damerau–Levenshtein, so a swapped pair of letters is one edit. Short words are too easily another word
 *   ("lora", "rope", "bpe") and are searched as typed.
 *
 * Runs in the browser (the search dialog), at build time and in the benchmark.
 */
import distance from 'damerau-levenshtein';

/** The index's words, each with the number of records it is in. */
export interface Lexicon {
  /** Sorted, for the prefix test. */
  words: string[];
  records: Map<string, number>;
}

/** Words shorter than this are never corrected: one edit turns them into another word of the field. */
const SHORTEST_CORRECTED = 5;
/** Edits allowed: one from five letters, two from eight. */
const allowedEdits = (length: number) => (length < SHORTEST_CORRECTED ? 0 : length < 8 ? 1 : 2);

/** The lexicon as the build writes it: one word a line, sorted, with its count when it is in more than one record. */
export function parseLexicon(text: string): Lexicon {
  const records = new Map<string, number>();
  for (const line of text.split('\n')) {
    const [word, count] = line.split(' ');
    if (word) records.set(word, Number(count) || 1);
  }
  return { words: [...records.keys()].sort(), records };
}

export function formatLexicon(records: Map<string, number>): string {
  return [...records].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([word, count]) => (count > 1 ? `${word} ${count}` : word)).join('\n');
}

/** The first position in the sorted words at or after `word`. */
function seek(word: string, lexicon: Lexicon): number {
  let low = 0;
  let high = lexicon.words.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (lexicon.words[mid]! < word) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Whether some longer word of the index starts with this one: a word still being typed. */
function startsAWord(word: string, lexicon: Lexicon): boolean {
  const at = seek(word, lexicon);
  const next = lexicon.words[at] === word ? lexicon.words[at + 1] : lexicon.words[at];
  return Boolean(next?.startsWith(word));
}

/** Whether some word of the index starts with this prefix (or is it). */
function hasWordStarting(prefix: string, lexicon: Lexicon): boolean {
  return Boolean(lexicon.words[seek(prefix, lexicon)]?.startsWith(prefix));
}

/** A lexicon of words without counts (the records' own words, at build time). */
export function lexiconOf(words: Iterable<string>): Lexicon {
  const records = new Map([...words].map((word) => [word, 1]));
  return { words: [...records.keys()].sort(), records };
}

interface Spelling {
  british: RegExp;
  american: string;
  /** Each way round, for an American word the index spells only the British way. */
  reverse: RegExp;
  britishSpelling: string;
  /**
   * The index need only have a word of the same family: "summarise" is "summarize" when the index has
   * "summarization" (Pagefind stems both to one word). Only for endings no other word has ("-iz-", "-yz-").
   */
  family?: 'iz' | 'yz';
}

/** British endings and their American spellings. */
const SPELLINGS: Spelling[] = [
  // normalise, normalisation, optimiser, tokenising, regularisable
  { british: /is(e|es|ed|ing|er|ers|ation|ations|able)$/, american: 'iz$1', reverse: /iz(e|es|ed|ing|er|ers|ation|ations|able)$/, britishSpelling: 'is$1', family: 'iz' },
  // analyse, paralysed
  { british: /ys(e|es|ed|ing|er|ers)$/, american: 'yz$1', reverse: /yz(e|es|ed|ing|er|ers)$/, britishSpelling: 'ys$1', family: 'yz' },
  // behaviour, colours, favoured (a long word only: "four", "your" and "hour" are not "for", "yor", "hor")
  { british: /(\w{3})our(s|ed|ing|ite|ites|able)?$/, american: '$1or$2', reverse: /(\w{3})or(s|ed|ing|ite|ites|able)?$/, britishSpelling: '$1our$2' },
  // centre, metres
  { british: /([^aeiou])tre(s|d)?$/, american: '$1ter$2', reverse: /([^aeiou])ter(s|ed)?$/, britishSpelling: '$1tre$2' },
  // modelling, labelled, traveller
  { british: /ell(ed|ing|er|ers)$/, american: 'el$1', reverse: /el(ed|ing|er|ers)$/, britishSpelling: 'ell$1' },
  // catalogue, dialogues
  { british: /(\w{3})ogue(s)?$/, american: '$1og$2', reverse: /(\w{3})og(s)?$/, britishSpelling: '$1ogue$2' },
  // defence, licence
  { british: /([fc])ence(s)?$/, american: '$1ense$2', reverse: /([fc])ense(s)?$/, britishSpelling: '$1ence$2' },
];

/** The American spelling of a British word, when the lexicon has it or its family ("optimiser" → "optimizer"). */
export function americanSpelling(word: string, lexicon: Lexicon): string | undefined {
  for (const { british, american, family } of SPELLINGS) {
    const candidate = word.replace(british, american);
    if (candidate === word) continue;
    if (lexicon.records.has(candidate) || (family && hasWordStarting(candidate.slice(0, candidate.lastIndexOf(family) + 2), lexicon))) return candidate;
  }
  return undefined;
}

/** The word spelt the other way (British ↔ American) that the index has, if any; American first. */
function otherSpelling(word: string, lexicon: Lexicon): string | undefined {
  const american = americanSpelling(word, lexicon);
  if (american || lexicon.records.has(word)) return american;
  for (const { reverse, britishSpelling } of SPELLINGS) {
    const candidate = word.replace(reverse, britishSpelling);
    if (candidate !== word && lexicon.records.has(candidate)) return candidate;
  }
  return undefined;
}

/**
 * The nearest word of the index within the edits the word's length allows, keeping its first letter (a typo
 * seldom changes it, and an unknown word is then not turned into an unrelated one); ties go to the word in
 * more records.
 */
export function nearestWord(word: string, lexicon: Lexicon): string | undefined {
  const allowed = allowedEdits(word.length);
  let best: string | undefined;
  let bestEdits = Infinity;
  let bestRecords = 0;
  for (const candidate of lexicon.words) {
    if (candidate[0] !== word[0] || Math.abs(candidate.length - word.length) > allowed || candidate.length < SHORTEST_CORRECTED) continue;
    const edits = distance(word, candidate).steps;
    if (edits > allowed) continue;
    const records = lexicon.records.get(candidate)!;
    if (edits < bestEdits || (edits === bestEdits && records > bestRecords)) {
      best = candidate;
      bestEdits = edits;
      bestRecords = records;
    }
  }
  return best;
}

/** A lower-case query word as the index spells it. Words with digits ("int8", "fp16") are kept as typed. */
export function indexSpelling(word: string, lexicon: Lexicon): string {
  if (!/^\p{L}+$/u.test(word)) return word;
  const other = otherSpelling(word, lexicon);
  if (other) return other;
  if (lexicon.records.has(word) || startsAWord(word, lexicon)) return word;
  const nearest = nearestWord(word, lexicon);
  return nearest ? (otherSpelling(nearest, lexicon) ?? nearest) : word;
}
