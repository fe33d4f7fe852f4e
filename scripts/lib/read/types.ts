/** What the read stage hands on: each source's lines with its manifest entry. */
import type { Source } from './schema.ts';

export interface SourceText {
  source: Source;
  lines: string[];
  /** The line of its entry in the manifest, for messages about what the entry says. */
  entryLine?: number;
}
