/**
 * The components the generated pages are written with, and their props: the one contract between the page
 * writer (scripts/lib/render/pages.ts) and the site. Each component types its `Props` from here, and the writer
 * can only emit a component with props of this shape, so `tsc` checks both sides. Text in props is plain text
 * (rendered escaped); anything that is Markdown (answers, notes, wordings with math) is a component's children.
 */

/** A link with a plain-text label. */
export interface TextLink {
  text: string;
  href: string;
}

export interface ContentComponents {
  /**
   * Under an entry's question: copy link (to its answer page) and its answer page (the sources that ask it are in
   * "Sources and notes"); `next`, the id of the entry after it on the page, for "Skip to the next question".
   */
  EntryBar: { id: string; question: string; answerPage: string; next?: string };
  /** Related entries and glossary terms of an entry, folded (children: RelatedEntries, EntryTerms). */
  EntryLinks: Record<string, never>;
  /** Retired ids of an entry (after merges), kept as anchors so old links still land on it. */
  AliasAnchors: { ids: string[] };
  /** An entry no source answers; `sources` names the sources that list it. */
  Unanswered: { sources?: string[] };
  /** "In short" (children: the editors' two or three sentences), above the answer. */
  InShort: Record<string, never>;
  /** The corrections as mistakes to avoid in an interview (children: the list), beside the answer. */
  CommonMistakes: { count: number; id: string };
  /** Under an answer the editors merged from the sources' answers: how many answers, from how many sources. */
  EditorsMerge: { answers: number; sources: number; awaiting: number };
  /** The editors' corrections or notes on an entry (children: their Markdown). */
  EditorsNotes: { kind: 'correction' | 'note'; count: number; id?: string };
  /**
   * A citation in an editors' answer: its number, the original answer it links to, the source and line it names
   * on hover and focus (`tip`: the tooltip's id, unique on the page).
   */
  Cite: { n: number; href: string; source: string; tip: string };
  /** Where an entry's answer came from, folded (children: wordings, notes, corrections, original answers). */
  SourcesAndNotes: { sources: number; answers: number; corrections: number };
  /** One source's answer as it gives it, the target of the citations (children: its wording, then its answer). */
  OriginalAnswer: { id: string };
  /** The other wordings of a question (children: a Markdown list). */
  AlsoAskedAs: { editorsWording: boolean };
  /** The sources' own answers, folded (children: one `Original` each). */
  Originals: { answers: number; sources: number };
  /** One source's answer as it gives it (children: its wording, then its answer, in Markdown). */
  Original: Record<string, never>;
  /** Where an original answer is from, written before its wording. */
  OriginalSource: { source: string; line: number };
  /** Entries on related questions. */
  RelatedEntries: { entries: TextLink[] };
  /** A source's questions in its order (children: a Markdown list of links to their entries), folded. */
  SourceQuestions: { count: number };
  /** Glossary terms an answer links to. */
  EntryTerms: { terms: TextLink[] };
  /** A diagram beside an entry, drawn at build time from sources/diagrams/<id>.mmd. */
  Diagram: { id: string; title: string };
  /** Under a topic's description: how many questions and wordings it holds. */
  TopicStats: { questions: number; asked: number };
  /** On an answer page: the topic page that holds the entry. */
  InTopic: { topic: TextLink };
  /** Who a glossary definition is from: a source and line, or the editors and the works they follow. */
  TermCredit: { source: TextLink; line: number } | { references: TextLink[] };
  /** The entries that mention a glossary term (the first few, and how many more). */
  TermMentions: { entries: TextLink[]; shown: number };
  /** Above the glossary: a link to the first term of each initial letter. */
  TermIndex: { letters: TextLink[] };
  /** The home page's cards, one per topic. */
  TopicCards: { topics: { title: string; description: string; href: string }[] };
  /** A key to press (children: the key). */
  Kbd: Record<string, never>;
}

export type ContentComponent = keyof ContentComponents;

/** Where each component lives, under src/components/. */
export const COMPONENT_FILES: { [K in ContentComponent]: string } = {
  EntryBar: 'content/EntryBar.astro',
  AliasAnchors: 'content/AliasAnchors.astro',
  Unanswered: 'content/Unanswered.astro',
  InShort: 'content/InShort.astro',
  CommonMistakes: 'content/CommonMistakes.astro',
  EditorsMerge: 'content/EditorsMerge.astro',
  EditorsNotes: 'content/EditorsNotes.astro',
  AlsoAskedAs: 'content/AlsoAskedAs.astro',
  Originals: 'content/Originals.astro',
  Cite: 'content/Cite.astro',
  EntryLinks: 'content/EntryLinks.astro',
  SourcesAndNotes: 'content/SourcesAndNotes.astro',
  OriginalAnswer: 'content/OriginalAnswer.astro',
  Original: 'content/Original.astro',
  OriginalSource: 'content/OriginalSource.astro',
  RelatedEntries: 'content/RelatedEntries.astro',
  EntryTerms: 'content/EntryTerms.astro',
  Diagram: 'Diagram.astro',
  TopicStats: 'content/TopicStats.astro',
  InTopic: 'content/InTopic.astro',
  TermCredit: 'content/TermCredit.astro',
  TermMentions: 'content/TermMentions.astro',
  TermIndex: 'content/TermIndex.astro',
  SourceQuestions: 'content/SourceQuestions.astro',
  TopicCards: 'content/TopicCards.astro',
  Kbd: 'content/Kbd.astro',
};
