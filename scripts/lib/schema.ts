/**
 * Zod schemas at the two edges of the ingest: the manifest it reads and the `kb.json` it writes.
 * Everything between the edges uses the plain TypeScript types in `model.ts`.
 */
import { z } from 'zod';

/** Layout names the ingest has a parser for; `parse/index.ts` maps each to its parser. */
export const LAYOUTS = ['numbered-questions', 'question-answer', 'flashcards', 'book', 'post'] as const;

export const SourceSchema = z.object({
  /** Stable id used in `kb.json` variants and in URLs. @example "flashcards" */
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'an id is lower-case letters, digits and hyphens, e.g. "my-new-source"'),
  /** Path of the raw text from the repository root. @example "sources/002_4e7daef7a3257ace.txt" */
  file: z.string().min(1),
  /** The layout the file is written in; picks its parser. @example "flashcards" */
  format: z.enum(LAYOUTS, {
    error: (issue) =>
      `unknown layout ${JSON.stringify(issue.input)}: use one of ${LAYOUTS.join(', ')}, or add a parser in scripts/lib/parse/`,
  }),
  /** Full title for the sources page and citations. */
  title: z.string().min(1),
  /** Short name shown next to each question ("asked in …"). Defaults to the title. */
  shortTitle: z.string().min(1).optional(),
  author: z.string().nullable().optional(),
  year: z.number().int().optional(),
  edition: z.string().optional(),
  doi: z.string().optional(),
  url: z.string().url().optional(),
  /** Where the text came from (kind of document, how it was extracted). */
  origin: z.string().optional(),
  /** What is known of the licence or terms of use. */
  licence: z.string().optional(),
});

export const ManifestSchema = z.object({
  $comment: z.string().optional(),
  sources: z
    .array(SourceSchema)
    .min(1, 'the manifest lists no source: add at least one entry to "sources"')
    .refine((sources) => new Set(sources.map((s) => s.id)).size === sources.length, {
      message: 'two sources share an id: every source needs its own "id"',
    }),
});

export type Source = z.infer<typeof SourceSchema>;
export type Manifest = z.infer<typeof ManifestSchema>;
export type Layout = (typeof LAYOUTS)[number];

/** A question named by its source and the start of its cleaned wording (robust to line moves). */
const QuestionRefSchema = z.object({
  source: z.string(),
  question: z.string().min(8, 'quote at least the first few words of the question'),
});

const reason = z.string().min(10, 'say in a sentence why this decision is right');

export const CurationSchema = z.object({
  $comment: z.string().optional(),
  curations: z
    .array(
      z.discriminatedUnion('action', [
        /** These questions ask the same thing: one entry. */
        z.object({ action: z.literal('merge'), questions: z.array(QuestionRefSchema).min(2), reason }),
        /** This question asks something else than the entry it was grouped into: its own entry. */
        z.object({ action: z.literal('split'), question: QuestionRefSchema, reason }),
        /** This wording is the clearest: the entry's heading. */
        z.object({ action: z.literal('wording'), question: QuestionRefSchema, reason }),
        /** The entry of this question belongs on this topic page. */
        z.object({ action: z.literal('topic'), question: QuestionRefSchema, topic: z.string(), reason }),
      ]),
    )
    .max(15, 'keep at most 15 curations: the automatic grouping must stand on its own'),
});

export type Curation = z.infer<typeof CurationSchema>['curations'][number];
export type QuestionRef = z.infer<typeof QuestionRefSchema>;

const VariantSchema = z.object({
  source: z.string(),
  line: z.number().int().positive(),
  question: z.string().min(1),
  answer: z.string().nullable(),
});

export const KnowledgeBaseSchema = z.object({
  sources: z.array(SourceSchema.extend({ questions: z.number().int() })),
  topics: z.array(
    z.object({ id: z.string(), title: z.string(), url: z.string(), description: z.string(), entries: z.number().int() }),
  ),
  entries: z.array(
    z.object({
      id: z.string(),
      question: z.string(),
      topic: z.string(),
      url: z.string(),
      answer: z.string().nullable(),
      sources: z.array(z.string()),
      variants: z.array(VariantSchema).min(1),
      related: z.array(z.string()),
      terms: z.array(z.string()),
    }),
  ),
  glossary: z.array(
    z.object({
      id: z.string(),
      term: z.string(),
      definition: z.string(),
      /** The source and line the definition is quoted from; null for the editors' own, which give references. */
      source: z.string().nullable(),
      line: z.number().int().positive().nullable(),
      references: z.array(z.object({ title: z.string(), url: z.string() })),
      url: z.string(),
      entries: z.array(z.string()),
    }),
  ),
});

export type KnowledgeBase = z.infer<typeof KnowledgeBaseSchema>;
