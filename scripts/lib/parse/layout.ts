/**
 * What a layout is: its name (the manifest's `format`), the options a source in it may give in its manifest entry
 * (`options`, checked by the layout's own schema), and its parser. Each parser file defines one.
 */
import type { z } from 'zod';
import type { ParseResult } from './types.ts';

/** What a parser reads of a source's manifest entry (a `Source` is one). */
export interface SourceToParse {
  id: string;
  file: string;
  author?: string | null;
  /** The layout's options (manifest `options`). */
  options?: Record<string, unknown>;
}

export interface LayoutDefinition<Name extends string = string> {
  /** The manifest's `format` for sources in this layout. @example "post" */
  name: Name;
  /** What a source in this layout may say about itself in its manifest entry's `options`. */
  options: z.ZodType;
  /** Reads a source's lines (its options are on `source.options`, see `optionsOf`). */
  parse: (lines: string[], source: SourceToParse) => ParseResult;
}

export function defineLayout<const Name extends string>(layout: LayoutDefinition<Name>): LayoutDefinition<Name> {
  return layout;
}

/** A source's layout options, checked against the layout's schema (the manifest was checked too; tests build sources). */
export function optionsOf<T extends z.ZodType>(source: SourceToParse, schema: T): z.output<T> {
  return schema.parse(source.options ?? {});
}
