/** Cleans a question's wording: joins its broken lines, repairs hyphenation and math, and tidies its ends. */
import { joinBroken, type Lexicon, restoreCompounds } from '../text/lexicon.ts';
import { repairMath } from './math.ts';

const INTERROGATIVE = /^(?:what|why|how|when|where|which|who|whom|whose|can|could|do|does|did|is|are|was|were|should|would|will)\b/i;

export function cleanQuestion(raw: string, lexicon: Lexicon): string {
  const joined = raw
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .reduce((text, line) => (text ? joinBroken(text, line, lexicon) : line), '');
  let text = joined.replace(/\*\*/g, '').replace(/\s+/g, ' ').trim();
  text = text.charAt(0).toUpperCase() + text.slice(1);
  // "Why is masking needed" lost its question mark.
  if (INTERROGATIVE.test(text) && !/[?.]/.test(text)) text += '?';
  return repairMath(restoreCompounds(text, lexicon));
}
