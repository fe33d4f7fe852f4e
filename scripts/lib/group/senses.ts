/**
 * What a question or an answer says, as senses, for the grouping's resemblance of questions (resemblance.ts):
 * a concept of the vocabulary (`c:positional-encoding`, whatever alias named it), a class of paraphrases
 * (`k:order` for "order", "sequential", "position", "permutation"), or a Porter stem. Negations ("lack",
 * "not", "absent") are marked in the sequence, so a claim and its denial do not read alike.
 */
import type { ConceptIndex } from '../text/concepts.ts';
import { normaliseWords } from '../text/concepts.ts';
import { stem } from '../text/stem.ts';
import { STOPWORDS } from '../text/stopwords.ts';
import type { Senses } from '../read/editorial-data.ts';

/** Words that carry little of a point's meaning: they count, but a fifth as much. */
const LIGHT = new Set(
  `allow enable help make provide use used using let permit ensure lead result cause way able new well one two three many
  several various different multiple include includes involve involves method technique approach process model models
  network networks layer layers system task tasks input output capture captures aware awareness
  type types kind kinds level levels way ways aspect aspects manner degree nature element elements thing things`.split(/\s+/).map((w) => stem(w)),
);
/** Classes as light as the words above. */
const LIGHT_CLASSES = new Set(['k:many', 'k:diverse']);

/** Words that negate what precedes them: "token order, which is absent", "permutation invariant". */
const POSTFIX_NEGATION = new Set(['absent', 'invariant', 'agnostic', 'insensitive', 'oblivious', 'missing'].map(stem));
/** Words that are a negation and a sense: "unaware" is not + aware. */
const NEGATED_WORDS: Record<string, string> = { unaware: 'aware', unable: 'able', inability: 'able', unknown: 'know', unseen: 'seen' };

const CLAUSE_BREAK = /^[,;:()→.!?]$|^(?:and|but|while|whereas|so|since|because)$/;

export interface Analysis {
  /** Senses in reading order, with clause breaks as "|"; a negation as `k:neg` before, `k:postneg` after what it negates. */
  sequence: string[];
}

export interface SenseModel {
  /** `surface`: stems and paraphrase classes only, no concepts ("padding mask" stays "pad", "mask"). */
  analyse(text: string, options?: { surface?: boolean }): Analysis;
  /** How much a sense counts before its weight in the entry: light words and generic concepts count less. */
  baseWeight(sense: string): number;
}

const stemCache = new Map<string, string>();
function stemWord(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    // Porter folds "generation" and "generalization" into one stem; the field needs them apart.
    s = /^generat/.test(word) ? 'generat' : /^generali[sz]/.test(word) ? 'general' : stem(word);
    stemCache.set(word, s);
  }
  return s;
}

const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?|[,;:()→.!?]/gu;
/** A text's tokens, read once for both readings of it (with concepts and on the surface). */
const tokensOf = new Map<string, readonly string[]>();

/** Tokens of plain text: words (normalised as the vocabulary's aliases are) and clause punctuation. */
function tokens(text: string): readonly string[] {
  let known = tokensOf.get(text);
  if (!known) tokensOf.set(text, (known = readTokens(text)));
  return known;
}

function readTokens(text: string): string[] {
  const out: string[] = [];
  const cleaned = text.replace(/\$[^$]*\$/g, ' ').replace(/->|=>/g, ' → ');
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(cleaned); match; match = TOKEN.exec(cleaned)) {
    const raw = match[0];
    if (/^[,;:()→.!?]$/.test(raw)) out.push(raw);
    else if (/^(?:don|doesn|can|isn|aren|won)['’]t$/i.test(raw)) out.push('not');
    else out.push(...normaliseWords(raw));
  }
  return out;
}

/** The senses of texts, by the vocabulary's concepts, its paraphrases and its `senseAliases` (sources/vocabulary.yaml). */
export function buildSenseModel(index: ConceptIndex, { paraphrases, senseAliases }: Senses): SenseModel {
  // Longest-first alias matching over normalised words, as the concept index does, with the extra phrases.
  const byFirst = new Map<string, { words: string[]; sense: string }[]>();
  const addAlias = (alias: string, sense: string) => {
    const words = normaliseWords(alias);
    if (!words.length) return;
    const list = byFirst.get(words[0]!) ?? [];
    list.push({ words, sense });
    byFirst.set(words[0]!, list);
  };
  for (const concept of index.concepts.values()) for (const alias of concept.aliases) addAlias(alias, `c:${concept.id}`);
  for (const [alias, id] of Object.entries(senseAliases)) addAlias(alias, `c:${id}`);
  const classOf = new Map<string, string>();
  for (const [name, words] of Object.entries(paraphrases)) {
    for (const word of words) {
      const ws = normaliseWords(word);
      if (ws.length === 1) classOf.set(stemWord(ws[0]!), `k:${name}`);
      else addAlias(word, `k:${name}`);
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length || a.sense.localeCompare(b.sense));
  const concepts = index.concepts;
  // A concept also maps onto a paraphrase class when one of its aliases is in it ("parallelization").
  const conceptClass = new Map<string, string>();
  for (const concept of concepts.values()) {
    for (const alias of concept.aliases) {
      const ws = normaliseWords(alias);
      if (ws.length === 1 && classOf.has(stemWord(ws[0]!))) conceptClass.set(`c:${concept.id}`, classOf.get(stemWord(ws[0]!))!);
    }
  }

  // The same sentences are read many times (every pair of points compares them): read each once.
  const read = new Map<string, Analysis>();
  function analyse(text: string, options: { surface?: boolean } = {}): Analysis {
    const key = `${options.surface ? 's' : 'c'}${text}`;
    let known = read.get(key);
    if (!known) read.set(key, (known = analyseText(text, options)));
    return known;
  }

  function analyseText(text: string, options: { surface?: boolean }): Analysis {
    const words = tokens(text);
    const sequence: string[] = [];
    for (let i = 0; i < words.length; ) {
      const word = words[i]!;
      if (CLAUSE_BREAK.test(word)) {
        sequence.push('|');
        i++;
        continue;
      }
      const match = byFirst.get(word)?.find((a) => (!options.surface || a.sense.startsWith('k:')) && a.words.every((w, k) => words[i + k] === w));
      // "relative or absolute position" also names "relative position".
      if (!match && !options.surface && (words[i + 1] === 'or' || words[i + 1] === 'and')) {
        const shared = byFirst.get(word)?.find((a) => a.words.length > 1 && a.words.every((w, k) => (k === 0 ? word : words[i + k + 2]) === w));
        if (shared) sequence.push(shared.sense);
      }
      if (match) {
        sequence.push(match.sense);
        const cls = conceptClass.get(match.sense);
        if (cls) sequence.push(cls);
        i += match.words.length;
        continue;
      }
      i++;
      if (NEGATED_WORDS[word]) {
        sequence.push('k:neg', stemWord(NEGATED_WORDS[word]!));
        continue;
      }
      if (STOPWORDS.has(word) || (word.length < 2 && !/\d/.test(word))) continue;
      const s = stemWord(word);
      if (POSTFIX_NEGATION.has(s)) {
        sequence.push('k:postneg');
        continue;
      }
      sequence.push(classOf.get(s) ?? s);
    }
    return { sequence };
  }

  function baseWeight(sense: string): number {
    if (sense.startsWith('c:')) return concepts.get(sense.slice(2))?.level === 0 ? 0.3 : 1;
    if (LIGHT.has(sense) || LIGHT_CLASSES.has(sense)) return 0.2;
    return 1;
  }

  return { analyse, baseWeight };
}
