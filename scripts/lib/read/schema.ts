/**
 * Zod schemas at the two edges of the ingest: the manifest and the editors' files it reads, and the `kb.json` it writes.
 * Everything between the edges uses each stage's own plain TypeScript types (read/types.ts, parse/types.ts, clean/types.ts, …).
 */
import { z } from 'zod';

/** A repair of one line the extraction damaged, applied before the source is parsed. */
const RepairSchema = z.strictObject({
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
const SourceDescription = z.strictObject({
  /** Stable id used in `kb.json` variants and in URLs. @example "flashcards" */
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'an id is lower-case letters, digits and hyphens, e.g. "my-new-source"'),
  /** Path of the raw text from the repository root. @example "sources/002_4e7daef7a3257ace.txt" */
  file: z.string().min(1),
  /** The layout the file is written in; picks its parser (scripts/lib/parse/index.ts). @example "flashcards" */
  format: z.string(),
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

/**
 * What the manifest knows of a layout: its name and the options a source in it may give. The layouts are the parse
 * stage's (parse/index.ts); it hands them to the reader, so reading never depends on a later stage.
 */
export interface LayoutOptions {
  name: string;
  options: z.ZodType;
}

/** A source's manifest entry, its `format` one of `layouts` and its `options` those its layout allows. */
export function sourceSchemaFor(layouts: readonly LayoutOptions[]) {
  const names = layouts.map((l) => l.name) as [string, ...string[]];
  const format = z.enum(names, {
    error: (issue) => `unknown layout ${JSON.stringify(issue.input)}: use one of ${names.join(', ')}, or add a parser in scripts/lib/parse/`,
  });
  return SourceDescription.extend({ format }).extend(SourceKnowledge).superRefine((source, ctx) => {
    const checked = layouts.find((l) => l.name === source.format)!.options.safeParse(source.options ?? {});
    if (checked.success) return;
    for (const issue of checked.error.issues) {
      ctx.addIssue({ code: 'custom', message: `${issue.message} (options of the "${source.format}" layout)`, path: ['options', ...issue.path] });
    }
  });
}

/** The manifest (sources/sources.json), its sources written in `layouts`. */
export function manifestSchemaFor(layouts: readonly LayoutOptions[]) {
  return z.strictObject({
    $schema: z.string().optional(),
    $comment: z.string().optional(),
    sources: z
      .array(sourceSchemaFor(layouts))
      .min(1, 'the manifest lists no source: add at least one entry to "sources"')
      .refine((sources) => new Set(sources.map((s) => s.id)).size === sources.length, {
        message: 'two sources share an id: every source needs its own "id"',
      }),
  });
}

const AnySource = SourceDescription.extend(SourceKnowledge);
export type Source = z.infer<typeof AnySource>;
/** A source as kb.json publishes it: what it is, not how it is read. */
export type PublishedSource = z.infer<typeof SourceDescription>;
export type Manifest = { $schema?: string; $comment?: string; sources: Source[] };

/** A work an editorial note cites. */
export const RefSchema = z.strictObject({
  title: z.string().min(1),
  url: z.string().regex(/^https?:\/\/\S+$/, 'a reference needs an http(s) "url"'),
});
export type Ref = z.infer<typeof RefSchema>;

/** The editors' own questions: `question` in an entry file, credited to the editors as the sources are. */
export const EDITORS = 'editors';

/** A question of a source named by the source's id and the question's line: "part-6:20". */
export const QuestionName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*:[1-9]\d*$/, 'name a question by its source id and line, e.g. "part-6:20"')
  .refine((name) => !name.startsWith(`${EDITORS}:`), { message: "an editors' question is placed by its file's \"question\" and answered by its body: name a source's question here" });

/** An interview's first answer fits in two or three sentences: a limit on words, not on characters, as guides state it. */
export const SHORT_ANSWER_WORDS = 60;
export const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

const reason = z.string().min(10, 'say in a sentence why this decision is right');
const quote = z.string().min(4, 'quote the answer word for word');

/**
 * The frontmatter of an entry file (sources/entries/<id>.md): everything the editors decide about the entry
 * whose permanent id names the file. The body, when there is one, is the editors' answer.
 */
export const EntryFileSchema = z.strictObject({
  /**
   * The editors' own question: their wording (or wordings), credited to the editors as a wording of this entry;
   * the body is its answer. A file whose id no source's entry has creates the entry.
   * @example What is a context window?
   */
  question: z.union([z.string().trim().min(1), z.array(z.string().trim().min(1)).min(1)]).optional(),
  /**
   * "In short": the answer a strong candidate gives first, correct and complete on its own, in two or three
   * sentences (Markdown). Shown first wherever the entry appears: page, answer page, study card, Anki note.
   */
  short: z
    .string()
    .trim()
    .min(1)
    .refine((text) => wordCount(text) <= SHORT_ANSWER_WORDS, { message: `an "In short" answer has at most ${SHORT_ANSWER_WORDS} words: say the rest in the answer` })
    .optional(),
  /** The heading: the wording of one of its questions, or the editors' own `text` (a full question). */
  heading: z
    .strictObject({
      question: QuestionName.optional(),
      text: z.string().trim().regex(/\?$/, 'a heading is a question: end "text" with "?"').optional(),
      reason,
    })
    .refine((h) => (h.question === undefined) !== (h.text === undefined), { message: 'give the heading either "question" (a wording of the entry) or "text" (the editors\' own), not both' })
    .optional(),
  /** The topic page the entry belongs on (scripts/data/topics.ts). */
  topic: z.strictObject({ id: z.string().min(1), reason }).optional(),
  /**
   * Questions the editors moved into this entry: the entries holding them become one (several questions), or a
   * question leaves the entry the grouping put it in for an entry of its own (one question).
   */
  holds: z.array(z.strictObject({ questions: z.array(QuestionName).min(1), reason })).optional(),
  /** Pairs of questions the grouping's attach pass must never put in one entry (the first is in this entry). */
  apart: z.array(z.strictObject({ questions: z.tuple([QuestionName, QuestionName]), reason })).optional(),
  /** The body is the editors' answer, written from these answers of the entry. */
  answer: z.strictObject({ writtenFrom: z.array(QuestionName).min(1), reason }).optional(),
  /** What a source's answer gets wrong: the quote, why, the references; the answer (body) states it right. */
  corrections: z
    .array(
      z.strictObject({
        question: QuestionName,
        quote,
        problem: z.string().min(10, 'say what is wrong with the quote'),
        refs: z.array(RefSchema).min(1, 'cite at least one reference'),
        /** The same wrong claim made again in other answers of the entry. */
        also: z.array(z.strictObject({ question: QuestionName, quote })).optional(),
      }),
    )
    .optional(),
  /**
   * The works the editors' own answer draws on: the answer to their `question`, or the points they add to an
   * answer written from the sources (the mechanism, the numbers), cited `[^label]: editors`; shown with it.
   */
  references: z.array(RefSchema).min(1, 'cite at least one reference').optional(),
  /** Something true when written but out of date, or incomplete: shown beside the answer. */
  notes: z.array(z.strictObject({ question: QuestionName, quote, note: z.string().min(10), refs: z.array(RefSchema).min(1, 'cite at least one reference') })).optional(),
});
export type EntryFileData = z.infer<typeof EntryFileSchema>;

/** An editorial note on an entry in kb.json: a correction of a source, or a note (such as an answer's references). */
const NoteSchema = z.object({ kind: z.enum(['correction', 'note']), text: z.string().min(1), refs: z.array(RefSchema) });
export type Note = z.infer<typeof NoteSchema>;

/** A correction as the mistake to avoid in an interview: what is often said, why it is wrong, the references. */
const MistakeSchema = z.object({
  said: z.string().min(1),
  why: z.string().min(1),
  /** Who said it, where: "*Part 6*, line 20". */
  where: z.string().min(1),
  refs: z.array(RefSchema),
});
export type Mistake = z.infer<typeof MistakeSchema>;

const VariantSchema = z.object({
  source: z.string(),
  line: z.number().int().positive(),
  question: z.string().min(1),
  answer: z.string().nullable(),
});

export const KnowledgeBaseSchema = z.object({
  sources: z.array(z.object({ ...SourceDescription.shape, questions: z.number().int() })),
  topics: z.array(
    z.object({ id: z.string(), title: z.string(), url: z.string(), description: z.string(), entries: z.number().int() }),
  ),
  entries: z.array(
    z.object({
      id: z.string(),
      question: z.string(),
      topic: z.string(),
      url: z.string(),
      /** "In short": what a candidate says first (Markdown, at most 60 words); null where the editors wrote none yet. */
      short: z.string().nullable(),
      /** The answer as a reader reads it (Markdown); its citations are in `credits`. */
      answer: z.string().nullable(),
      /**
       * Which answers make which point of an editors' answer (`correction`: the point states an editors'
       * correction; `editors`: the editors added it, citing the entry's references).
       */
      credits: z.array(
        z.object({
          point: z.string(),
          answers: z.array(z.object({ source: z.string(), line: z.number().int().positive() })),
          correction: z.boolean(),
          /** The point is the editors' own, drawing on the entry's references. */
          editors: z.boolean(),
        }),
      ),
      sources: z.array(z.string()),
      variants: z.array(VariantSchema).min(1),
      related: z.array(z.string()),
      terms: z.array(z.string()),
      /** The editors' corrections and notes, shown with the answer. */
      notes: z.array(NoteSchema),
      /** The corrections as mistakes to avoid in an interview, shown beside the answer. */
      mistakes: z.array(MistakeSchema),
      /** The heading is the editors' wording (the sources' wordings are the variants). */
      editorsWording: z.boolean(),
      /** The answer is the editors', written from two or more answers (sources/entries/<id>.md). */
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
