/** A question instance after cleaning: what `kb.json` calls a variant. */
export interface Variant {
  source: string;
  line: number;
  question: string;
  /** Markdown, safe to embed in MDX; `null` when the source has no answer. */
  answer: string | null;
  section?: string;
}
