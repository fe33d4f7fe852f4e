/**
 * The editors' data besides the entry files: the vocabulary of concepts (sources/vocabulary.yaml), the topics
 * (sources/topics.yaml) and the diagrams (sources/diagrams/<id>.mmd, mermaid with a frontmatter block). Strict
 * schemas; each field's description is published in schemas/*.schema.json (npm run schemas).
 */
import { z } from 'zod';
import type { ConceptDefinition } from '../text/concepts.ts';

const Id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'an id is lower-case words joined by hyphens');

export const ConceptSchema = z
  .object({
    id: Id.describe('The concept\'s id, named by other concepts\' "subsumes", the glossary\'s "concept" and the diagrams\' "concept".'),
    label: z.string().min(1).describe('Its name as a heading.'),
    level: z
      .union([z.literal(0), z.literal(1), z.literal(2)])
      .describe('0: a word every question shares (transformer, LLM); 1: a broad area (attention, training); 2: a specific concept. Questions are grouped on their most specific concepts.'),
    topic: z.string().min(1).optional().describe("The topic page of the concept's family (an id of sources/topics.yaml): every LoRA question lands on the LoRA page."),
    aliases: z
      .array(z.string().min(1))
      .describe('Its names, matched as whole words after normalisation (lower case, hyphens as spaces, plurals folded), longest first: "multi-head attention" is one concept, not "attention" as well.'),
    subsumes: z.array(z.string().min(1)).optional().describe('Concepts dropped when this one is present ("queries, keys and values in self-attention" is about queries, keys and values).'),
    noGlossary: z.boolean().optional().describe('true: not a glossary term even when a definition is found (too generic to link).'),
    searchNames: z
      .array(z.string().min(1))
      .optional()
      .describe('What readers type for the concept that the texts do not use to name it (the number formats of quantization: "int8", "4-bit"). Only search reads them, so they change no grouping, topic or glossary link.'),
  })
  .strict() satisfies z.ZodType<ConceptDefinition>;
export type { ConceptDefinition };

export const VocabularySchema = z
  .object({
    concepts: z.array(ConceptSchema),
    paraphrases: z
      .record(z.string(), z.array(z.string().min(1)))
      .describe("Classes of paraphrases: when questions and answers are compared (the grouping's resemblance), every word or phrase of a class is one sense. General English and the field's usual synonyms."),
    senseAliases: z
      .record(z.string(), z.string())
      .describe('Phrases read as the concept they name (phrase: concept id) when questions and answers are compared; not names of it, so they change no grouping key, topic or glossary link.'),
  })
  .strict();
/** What the grouping's senses read beside the concepts (group/senses.ts). */
export type Senses = Omit<z.infer<typeof VocabularySchema>, 'concepts'>;

export const TopicSchema = z
  .object({
    id: Id.describe("The topic's id: its page is topics/<id>/."),
    title: z.string().min(1).describe("The page's title."),
    description: z.string().min(1).describe('One sentence for the topic card, the page\'s meta description and the sidebar tooltip.'),
  })
  .strict();
export type TopicDefinition = z.infer<typeof TopicSchema>;

export const TopicsSchema = z.object({ topics: z.array(TopicSchema).describe('The topics, in the order a learner meets them.') }).strict();

/** A diagram file's frontmatter; its id is the file's name, the rest of the file its mermaid source. */
export const DiagramSchema = z
  .object({
    concept: z.string().min(1).describe('The vocabulary concept whose entry shows the diagram (the one asked by most sources when several are).'),
    title: z.string().min(1).describe("The figure's accessible name and caption."),
  })
  .strict();
export type DiagramDefinition = z.infer<typeof DiagramSchema> & { id: string; mermaid: string };

/** The concepts, topics and diagrams the pipeline reads beside the sources. */
export interface EditorialData {
  vocabulary: ConceptDefinition[];
  senses: Senses;
  topics: TopicDefinition[];
  diagrams: DiagramDefinition[];
}
