/**
 * Splits flashcard answers whose bullet points were run together on one line
 * ("Learning rate schedule / warmup Better initialization Larger batch size …") back into points.
 *
 * A point starts at a capitalised word, outside parentheses, when the point so far has at least two words
 * and the word before is not a connector ("or", "with", "→", "/") that a phrase continues after. An
 * all-capitals word (an acronym such as RAG) starts a point only when two lower-case words follow it
 * ("RAG may introduce …"), since acronyms also end phrases ("open-domain QA", "modular AI agents").
 */

const CONNECTORS = new Set([
  'a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'into', 'of', 'or', 'than', 'the', 'to', 'via',
  'vs', 'with', 'without', 'use', 'using', 'like', 'e.g.', 'i.e.', '→', '/', '+', '-', '&', '=',
]);
/** A yes/no lead-in ("Yes:", "Yes, e.g.:") introduces the points instead of being one. */
const LEAD_IN = /^((?:Yes|No)(?:,\s*e\.g\.)?:)\s+/;

export interface SplitPoints {
  leadIn?: string;
  points: string[];
}

const startsCapitalised = (word: string) => /^[A-Z][a-z]/.test(word) || /^[A-Z][A-Za-z]*[a-z][A-Za-z]*$/.test(word);
const isAcronym = (word: string) => /^[A-Z]{2,}s?$/.test(word);

export function splitRunTogether(line: string): SplitPoints {
  let text = line.trim();
  const leadIn = LEAD_IN.exec(text);
  if (leadIn) text = text.slice(leadIn[0].length);
  const words = text.split(/\s+/);
  const points: string[][] = [[]];
  let depth = 0;
  words.forEach((word, i) => {
    const current = points.at(-1)!;
    const previous = current.at(-1);
    const next = words[i + 1];
    const boundary =
      depth === 0 &&
      current.length >= 2 &&
      previous !== undefined &&
      !CONNECTORS.has(previous.toLowerCase()) &&
      !/[/:,+→]$/.test(previous) &&
      (startsCapitalised(word) || (isAcronym(word) && /^[a-z]/.test(next ?? '') && /^[a-z]/.test(words[i + 2] ?? '')));
    if (boundary) points.push([word]);
    else current.push(word);
    depth = Math.max(0, depth + (word.match(/\(/g)?.length ?? 0) - (word.match(/\)/g)?.length ?? 0));
  });
  return { leadIn: leadIn?.[1], points: points.map((p) => p.join(' ')).filter(Boolean) };
}

/** A run-together line that reads as sentences (full stops inside) is prose, not points. */
export function readsAsProse(line: string): boolean {
  return /[.!?]\s+\S/.test(line.trim()) || /^[^.]*\b(?:is|are)\b.*\.$/.test(line.trim());
}
