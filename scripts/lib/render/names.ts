/** What the pages share with the site's own code: kept apart from the renderers, so the site loads no more than this. */

/** Where the deck is written, under public/ (so at the site's root). */
export const ANKI_DECK_FILE = 'anki/transformer-llm-interview-questions.txt';

/** The home page's tagline, also on its preview image (src/integrations/preview-images.ts). */
export const homeTagline = (n: { questions: number; sources: number; entries: number; topics: number }) =>
  `${n.questions} questions from ${n.sources} sources, deduplicated into ${n.entries} entries with one answer each, organised into ${n.topics} topics.`;
