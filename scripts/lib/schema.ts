/**
 * Zod schemas at the two edges of the ingest: the manifest and the editors' files it reads, and the `kb.json` it writes.
 * Everything between the edges uses the plain TypeScript types in `model.ts`.
 */
import { z } from 'zod';
import { LAYOUT_NAMES, layoutNamed } from './parse/index.ts';

/** A repair of one line the extraction damaged, applied before the source is parsed. */
const RepairSchema = z.object({
  /** The line of the source file. */
  line: z.number().int().positive(),
  /** The damaged text, as it stands on that line. @example "ou want" */
  extracted: z.string().min(1),
  /** What it should read. @example "You want" */
  repaired: z.string(),
  reason: z.string().min(10, 'say in a sentence what the extraction did wrong'),
});
export type Repair = z.infer<typeof RepairSchema>;

/** What a source is: published in kb.json and on the sources page. */
const SourceDescription = z.object({
  /** Stable id used in `kb.json` variants and in URLs. @example "flashcards" */
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'an id is lower-case letters, digits and hyphens, e.g. "my-new-source"'),
  /** Path of the raw text from the repository root. @example "sources/002_4e7daef7a3257ace.txt" */
  file: z.string().min(1),
  /** The layout the file is written in; picks its parser (scripts/lib/parse/index.ts). @example "flashcards" */
  format: z.enum(LAYOUT_NAMES, {
    error: (issue) =>
      `unknown layout ${JSON.stringify(issue.input)}: use one of ${LAYOUT_NAMES.join(', ')}, or add a parser in scripts/lib/parse/`,
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
  /** A JSON file of the references each answer of this source draws on (see `CitationsSchema`). */
  citations: z.string().min(1).optional(),
});

/**
 * What the ingest knows about this one source, used to read it and not published: whatever is true of this
 * source only stays here, never in code.
 */
const SourceKnowledge = {
  /** Options of its layout (see the layout's parser file), e.g. the platform lines a post is framed by. */
  options: z.record(z.string(), z.unknown()).optional(),
  /** Lines the extraction damaged, repaired before parsing. */
  repairs: z.array(RepairSchema).optional(),
  /**
   * The topic of each of its sections (a book's chapters), by title as the parser finds it: where no concept of
   * a question names a topic, its section decides. @example { "Transfer Learning Basics": "transfer-learning" }
   */
  sectionTopics: z.record(z.string(), z.string()).optional(),
  /**
   * The editors have reviewed how this source's questions are grouped, and sources/curation.json holds their
   * decisions: the grouping's third pass (group/answer-join.ts), which joins a new source's questions to earlier
   * entries on the evidence of their answers, leaves this source's questions where keys, attach and curation put
   * them. A source added without review gets the third pass.
   */
  groupingReviewed: z.boolean().optional(),
};

export const SourceSchema = SourceDescription.extend(SourceKnowledge).superRefine((source, ctx) => {
  const checked = layoutNamed(source.format).options.safeParse(source.options ?? {});
  if (checked.success) return;
  for (const issue of checked.error.issues) {
    ctx.addIssue({ code: 'custom', message: `${issue.message} (options of the "${source.format}" layout)`, path: ['options', ...issue.path] });
  }
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
/** A source as kb.json publishes it: what it is, not how it is read. */
export type PublishedSource = z.infer<typeof SourceDescription>;
export type Manifest = z.infer<typeof ManifestSchema>;
export type { Layout } from './parse/index.ts';

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
        /**
         * These questions resemble each other but need different answers: the attach pass of grouping never puts
         * them in one entry (questions with equal keys still share one; split those).
         */
        z.object({ action: z.literal('apart'), questions: z.array(QuestionRefSchema).length(2), reason }),
        /**
         * This wording is the clearest: the entry's heading. With `text`, the editors word the heading themselves
         * (a full question, credited as the editors' wording); the sources' wordings stay listed as variants.
         */
        z.object({
          action: z.literal('wording'),
          question: QuestionRefSchema,
          text: z.string().trim().regex(/\?$/, 'a heading is a question: end "text" with "?"').optional(),
          reason,
        }),
        /** The entry of this question belongs on this topic page. */
        z.object({ action: z.literal('topic'), question: QuestionRefSchema, topic: z.string(), reason }),
      ]),
    ),
});

export type Curation = z.infer<typeof CurationSchema>['curations'][number];

/**
 * The editors' merged answers (sources/answers.json): for an entry whose sources answer it several times, one
 * answer written by the editors from those answers — each point once, in the order a reader expects, credited to
 * the sources that make it. It stands only while the entry's answers are the ones it was written from.
 */
export const EditorsAnswersSchema = z.object({
  $comment: z.string().optional(),
  answers: z.array(
    z.object({
      /** The entry's permalink, for the editors reading the file; the entry is found by `question`. */
      entry: z.string().optional(),
      /** Any one question of the entry. */
      question: QuestionRefSchema,
      /** Every answer of the entry it was written from, by source and line. */
      writtenFrom: z.array(z.object({ source: z.string(), line: z.number().int().positive() })).min(2, 'an editors\' answer merges two or more answers'),
      reason,
      points: z
        .array(
          z.object({
            /** Markdown: a paragraph (shown as a bullet), or a table or display formula (shown on its own). */
            text: z.string().trim().min(3),
            /** Source ids of the answers that make the point; `correction` where it states an editors' correction. */
            from: z.array(z.string()).min(1, 'credit the point to the sources that make it'),
            /** A heading over consecutive points that answer the same part of the question (long answers only). */
            section: z.string().trim().min(3).optional(),
          }),
        )
        .min(1),
    }),
  ),
});
export type EditorsAnswer = z.infer<typeof EditorsAnswersSchema>['answers'][number];

/** A work an editorial note cites. */
export const RefSchema = z.object({
  title: z.string().min(1),
  url: z.string().regex(/^https?:\/\/\S+$/, 'a reference needs an http(s) "url"'),
});
export type Ref = z.infer<typeof RefSchema>;

/**
 * A question of a source, named by its line, the start of its wording, or both (then both must match, so a
 * source edited under a correction is noticed).
 */
const NamedQuestion = {
  source: z.string(),
  /** Line of the question in the source file. */
  line: z.number().int().positive().optional(),
  /** The start of the question's cleaned wording. */
  question: z.string().min(8, 'quote at least the first few words of the question').optional(),
};
const namesQuestion = (c: { line?: number; question?: string }) => c.line !== undefined || c.question !== undefined;
const NAME_QUESTION = { message: 'name the question by its "line", the start of its wording ("question"), or both' };

/**
 * The editors' corrections (sources/corrections.json): a verbatim quote from a source's answer that is wrong or
 * misleading, why, and the right statement. A `correction` replaces the quoted point in the entry's answer;
 * a `note` (something true when written but now out of date, or incomplete) is shown beside it.
 */
export const CorrectionsSchema = z.object({
  $comment: z.string().optional(),
  corrections: z.array(
    z
      .object({
        ...NamedQuestion,
        kind: z.enum(['correction', 'note']).default('correction'),
        /** Verbatim from the question's answer (Markdown or its plain text); the ingest fails if it is not there. */
        quote: z.string().min(4),
        /** What is wrong with the quote (Markdown): shown beside the answer. Required for a correction. */
        problem: z.string().min(10).optional(),
        /** The right statement (Markdown): replaces the quoted point in the answer; for a note, the note itself. */
        correction: z.string().min(10),
        refs: z.array(RefSchema).min(1, 'cite at least one reference'),
        /**
         * The same wrong claim made again in other answers of the entry (another source, or another wording of
         * the same source): one note and one replacement say it once, for every place it is made.
         */
        also: z
          .array(z.object({ ...NamedQuestion, quote: z.string().min(4) }).refine(namesQuestion, NAME_QUESTION))
          .optional(),
      })
      .refine(namesQuestion, NAME_QUESTION)
      .refine((c) => c.kind === 'note' || c.problem !== undefined, { message: 'a correction says what is wrong in "problem"' }),
  ),
});
export type Correction = z.infer<typeof CorrectionsSchema>['corrections'][number];

/** A source's citations file (manifest `citations`): the references each of its answers draws on. */
export const CitationsSchema = z.object({
  $comment: z.string().optional(),
  citations: z.array(
    z
      .object({ line: NamedQuestion.line, question: NamedQuestion.question, refs: z.array(RefSchema).min(1) })
      .refine(namesQuestion, NAME_QUESTION),
  ),
});
export type Citation = z.infer<typeof CitationsSchema>['citations'][number];

/** An editorial note on an entry in kb.json: a correction of a source, or a note (such as an answer's references). */
const NoteSchema = z.object({ kind: z.enum(['correction', 'note']), text: z.string().min(1), refs: z.array(RefSchema) });
export type Note = z.infer<typeof NoteSchema>;
export type QuestionRef = z.infer<typeof QuestionRefSchema>;

const VariantSchema = z.object({
  source: z.string(),
  line: z.number().int().positive(),
  question: z.string().min(1),
  answer: z.string().nullable(),
});

export const KnowledgeBaseSchema = z.object({
  sources: z.array(SourceDescription.extend({ questions: z.number().int() })),
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
      /** The editors' corrections and notes, shown with the answer. */
      notes: z.array(NoteSchema),
      /** The heading is the editors' wording (the sources' wordings are the variants). */
      editorsWording: z.boolean(),
      /** The answer is the editors' merge of the originals (sources/answers.json), not the automatic one. */
      editorsAnswer: z.boolean(),
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
