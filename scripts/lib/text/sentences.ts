/**
 * Sentences by the Unicode rules (UAX #29) as the platform implements them (`Intl.Segmenter`): "e.g." inside a
 * sentence and a full stop before a lower-case word do not end it.
 */
const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** The sentences of a text, trimmed, empty ones left out. */
export function sentencesOf(text: string): string[] {
  return [...segmenter.segment(text)].map((s) => s.segment.trim()).filter(Boolean);
}
