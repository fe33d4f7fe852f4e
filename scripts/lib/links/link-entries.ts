/** The stage's entries: each answer with its glossary terms linked (link-terms.ts), and the entries related to it (related.ts). */
import type { CuratedEntry } from '../editorial/curate.ts';
import type { Glossary } from './glossary.ts';
import { linkTerms } from './link-terms.ts';
import { findRelated } from './related.ts';

/** An entry as the pages, kb.json and the Anki deck show it. */
export interface Entry extends CuratedEntry {
  /** The glossary terms its answer links to. */
  readonly terms: string[];
  readonly related: string[];
}

export function linkEntries(entries: readonly CuratedEntry[], linking: Glossary['linking'], termUrl: (id: string) => string): Entry[] {
  const linked = entries.map((entry) => {
    if (!entry.answer) return { ...entry, terms: [] };
    const { answer, linked: terms } = linkTerms(entry.answer, linking, termUrl);
    return { ...entry, answer, terms };
  });
  const related = findRelated(linked);
  return linked.map((entry) => ({ ...entry, related: related.get(entry.id) ?? [] }));
}
