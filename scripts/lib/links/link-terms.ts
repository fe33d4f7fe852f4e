/**
 * Finds glossary terms in text and links the first mention of each in an answer to its glossary entry.
 *
 * One matcher reads every phrase at once, leftmost then longest: the phrases of the glossary's terms and the
 * phrases that name something else (compounds such as "local attention", and the vocabulary's concepts that
 * have no glossary term). So a compound term is one match: "multi-query attention" links as one term, "sparse
 * attention" as one, "rotary positional embeddings" as one, and "local attention" not at all, never its
 * "attention". A term written with capitals inside a word (an acronym or a name: "CLIP", "RoPE", "LoRA") is named
 * only by that spelling: "clips" is a verb and "rope" a cord. Works on the Markdown tree, so a term inside a link,
 * code, math or a heading is never touched.
 */
import type { Link, Nodes, PhrasingContent, Root, Text } from 'mdast';

export interface TermPhrases {
  /** Glossary term id. */
  id: string;
  /** What the term is called in running text: words, hyphens or spaces between them, any case. */
  phrases: string[];
}

export interface TermMatcher {
  pattern: RegExp;
  /** Normalised phrase → term id, or null for a phrase that names something else. */
  lookup: Map<string, string | null>;
  /** Term id → its words spelt as names (lower case → "CLIP", "RoPE"), which name the term only as spelt. */
  names: Map<string, Map<string, string>>;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Spaces, hyphens and dashes: "Language–Image" is "language image". */
const WORD_SEPARATOR = /[\s\u2010-\u2015-]+/;
/** Lower case, words joined by one space: "Multi-Query  attention" and "multi query attention" are one key. */
export const phraseKey = (text: string) => text.trim().toLowerCase().split(WORD_SEPARATOR).filter(Boolean).join(' ');
const wordsOf = (text: string) => text.split(WORD_SEPARATOR).filter(Boolean);
/** An acronym or a name: a capital after the first letter ("CLIP", "RoPE", "ViT", "Seq2Seq"), not "Overfitting". */
const isName = (word: string) => /^.+\p{Lu}/u.test(word);

/** The words of a term's phrases that are spelt as names, by their lower case. */
function namesOf(phrases: string[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const word of phrases.flatMap(wordsOf)) if (isName(word) && !names.has(word.toLowerCase())) names.set(word.toLowerCase(), word);
  return names;
}

/**
 * Whether a match is spelt as its term: every word the term spells as a name appears in that spelling (the last
 * word may take a plural, "LLMs"); "clips", "Clip" and "rope" do not name CLIP or RoPE.
 */
function spelt(match: string, names: Map<string, string> | undefined): boolean {
  if (!names?.size) return true;
  const words = wordsOf(match);
  return words.every((word, i) => {
    const plural = i === words.length - 1 ? word.match(/^(.+?)(e?s)$/) : null;
    const name = names.get(word.toLowerCase()) ?? (plural ? names.get(plural[1]!.toLowerCase()) : undefined);
    return name === undefined || word === name || (plural?.[1] === name && plural[2] === plural[2]!.toLowerCase());
  });
}

/**
 * A matcher for the terms' phrases; `others` are phrases that name something else: matched, so that no term
 * inside them is, and never linked. A phrase that is both is the term's.
 */
export function termMatcher(terms: TermPhrases[], others: string[] = []): TermMatcher {
  const lookup = new Map<string, string | null>();
  const names = new Map(terms.map((term) => [term.id, namesOf(term.phrases)]));
  for (const term of terms) {
    for (const phrase of term.phrases) {
      const key = phraseKey(phrase);
      if (key && !lookup.get(key)) lookup.set(key, term.id);
    }
  }
  for (const phrase of others) {
    const key = phraseKey(phrase);
    if (key && !lookup.has(key)) lookup.set(key, null);
  }
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_-])(?:${trieSource([...lookup.keys()]) || '(?!)'})(?:s|es)?(?![\\p{L}\\p{N}_-])`, 'giu');
  return { pattern, lookup, names };
}

interface TrieNode {
  end: boolean;
  next: Map<string, TrieNode>;
}

/**
 * The phrases as one expression shaped like a trie ("attention(?:[sep]mask)?|bert"): a flat alternation of every
 * phrase made the engine try each phrase at every position of every text, the largest part of linking. Phrases
 * that match at one position share one path (no two branches of a node start with the same character, a space
 * being any run of separators), and a greedy optional tail tries the longer phrase first: leftmost, then longest.
 */
function trieSource(keys: string[]): string {
  const root: TrieNode = { end: false, next: new Map() };
  for (const key of keys) {
    let node = root;
    for (const char of key) {
      let child = node.next.get(char);
      if (!child) node.next.set(char, (child = { end: false, next: new Map() }));
      node = child;
    }
    node.end = true;
  }
  const atom = (char: string) => (char === ' ' ? '[\\s\\u2010-\\u2015-]+' : escapeRegExp(char));
  const source = (node: TrieNode): string => {
    const branches = [...node.next].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([char, child]) => atom(char) + source(child));
    if (!branches.length) return '';
    const tail = branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`;
    return node.end ? `(?:${tail})?` : tail;
  };
  return source(root);
}

/** Short phrases are acronyms: "RAG" is the term, "rag" in running text is not. */
function plausible(match: string): boolean {
  return match.length > 4 || /[A-Z]/.test(match);
}

interface Mention {
  index: number;
  text: string;
  /** Term id; null when the words name something else (a compound) or do not read as the term. */
  id: string | null;
}

/** Every phrase the matcher knows in a text, leftmost-longest, none overlapping. */
export function mentions(text: string, matcher: TermMatcher): Mention[] {
  const found: Mention[] = [];
  // exec, not matchAll: matchAll copies the expression for every text, and copying one of every phrase means
  // compiling it again, which took longer than the matching itself.
  const pattern = matcher.pattern;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const key = phraseKey(match[0]);
    const id = [key, key.replace(/es$/, ''), key.replace(/s$/, '')].map((k) => matcher.lookup.get(k)).find((v) => v !== undefined) ?? null;
    found.push({ index: match.index, text: match[0], id: id && plausible(match[0]) && spelt(match[0], matcher.names.get(id)) ? id : null });
  }
  return found;
}

/** Ids of the terms a text names, in order of first mention. */
export function termsIn(text: string, matcher: TermMatcher): string[] {
  return [...new Set(mentions(text, matcher).flatMap((m) => (m.id ? [m.id] : [])))];
}

const SKIP = new Set(['link', 'linkReference', 'inlineCode', 'inlineMath', 'math', 'code', 'heading', 'html']);

/**
 * An answer with the first mention of each term linked (`url` gives a term's glossary URL), as a new tree that
 * shares what it does not change; the tree given is left as it was.
 */
export function linkTerms(answer: Root, matcher: TermMatcher, url: (id: string) => string): { answer: Root; linked: string[] } {
  const linked: string[] = [];
  const linkText = (text: Text): PhrasingContent[] => {
    const pieces: PhrasingContent[] = [];
    let at = 0;
    for (const mention of mentions(text.value, matcher)) {
      if (!mention.id || linked.includes(mention.id)) continue;
      linked.push(mention.id);
      if (mention.index > at) pieces.push({ type: 'text', value: text.value.slice(at, mention.index) } satisfies Text);
      pieces.push({ type: 'link', title: null, url: url(mention.id), children: [{ type: 'text', value: mention.text }] } satisfies Link);
      at = mention.index + mention.text.length;
    }
    if (pieces.length && at < text.value.length) pieces.push({ type: 'text', value: text.value.slice(at) });
    return pieces.length ? pieces : [text];
  };
  const walk = <N extends Nodes>(node: N): N => {
    if (!('children' in node) || SKIP.has(node.type)) return node;
    const children = (node.children as Nodes[]).flatMap((child): Nodes[] => (child.type === 'text' ? linkText(child) : [walk(child)]));
    return children.every((child, i) => child === node.children[i]) && children.length === node.children.length ? node : ({ ...node, children } as N);
  };
  return { answer: walk(answer), linked };
}

/**
 * The tree with each link to a glossary term given the term's definition as its title, for the pages: the site
 * turns the title into a tooltip shown on hover and on keyboard focus (src/plugins/rehype-term-tips.ts). A new
 * tree; the tree given is left as it was.
 */
export function titleTermLinks(tree: Root, glossaryUrl: string, titles: Map<string, string>): Root {
  const walk = <N extends Nodes>(node: N): N => {
    if (node.type === 'link') {
      const title = node.url.startsWith(`${glossaryUrl}#`) ? titles.get(node.url.slice(glossaryUrl.length + 1)) : undefined;
      return title ? { ...node, title } : node;
    }
    return 'children' in node ? ({ ...node, children: (node.children as Nodes[]).map(walk) } as N) : node;
  };
  return walk(tree);
}
