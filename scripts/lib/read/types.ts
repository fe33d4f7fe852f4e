/** What the read stage hands on: each source's lines with its manifest entry, and editors' items with their place. */
import type { Citation, Source } from './schema.ts';

export interface SourceText {
  source: Source;
  lines: string[];
  /** The references its answers draw on (manifest `citations`). */
  citations?: Located<Citation>[];
  /** The line of its entry in the manifest, for messages about what the entry says. */
  entryLine?: number;
}

/** An item of an editors' data file, with where it is, for messages: the file, its index and its line. */
export interface Located<T> {
  item: T;
  file: string;
  index: number;
  line?: number;
}
