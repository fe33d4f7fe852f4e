/** The glossary file editors write (sources/glossary.json): terms beyond the sources' own glossaries, and compounds. */
import { z } from 'zod';

const ReferenceSchema = z.object({ title: z.string().min(1), url: z.string().regex(/^https:\/\/\S+$/, 'a reference needs an https:// URL') }).strict();

const GlossaryItemSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'an id is lower-case words joined by hyphens'),
    /** The heading; a term of a source's glossary keeps the source's. */
    term: z.string().min(1).optional(),
    /** The vocabulary concept (sources/vocabulary.yaml) whose aliases name the term in running text. */
    concept: z.string().min(1).optional(),
    /** The source line the defining sentence starts on; which sentence of it (from 1) and how many. */
    definedIn: z
      .object({
        source: z.string().min(1),
        line: z.number().int().positive(),
        sentence: z.number().int().positive().optional(),
        sentences: z.number().int().min(1).max(2).optional(),
      })
      .strict()
      .optional(),
    /** The editors' definition, where no source has a correct defining sentence. */
    definition: z.string().min(1).optional(),
    references: z.array(ReferenceSchema).optional(),
    /** More phrases that name the term, and aliases of its concept that do not. */
    aliases: z.array(z.string().min(1)).optional(),
    notAliases: z.array(z.string().min(1)).optional(),
    /** false: listed, never linked (a word every answer uses). */
    link: z.boolean().optional(),
    /** For the editors: why this definition, what is wrong with the sources' one. */
    note: z.string().optional(),
  })
  .strict()
  .refine((t) => !(t.definedIn && t.definition), { message: 'give either "definedIn" (a source line) or "definition" (the editors\'), not both' })
  .refine((t) => !t.definition || (t.references?.length ?? 0) > 0, { message: 'an editors\' definition needs "references": the paper or documentation it follows' })
  .refine((t) => !(t.definedIn || t.definition) || t.term, { message: 'a term defined here needs its "term" (the heading)' });

export const GlossaryDataSchema = z
  .object({
    $schema: z.string().optional(),
    $comment: z.string().optional(),
    terms: z.array(GlossaryItemSchema),
    /** Phrases that name something else, never linked in part ("local attention"). */
    compounds: z.array(z.string().min(1)).default([]),
  })
  .strict();

export type GlossaryData = z.infer<typeof GlossaryDataSchema>;
export const EMPTY_GLOSSARY: GlossaryData = { terms: [], compounds: [] };
