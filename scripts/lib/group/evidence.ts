/**
 * How much two questions look like one question, from both what they ask and how they are answered: the
 * concepts their questions name, the words of their questions, and the words and concepts of their answers.
 * The grouping itself decides by subject key; this evidence ranks the decisions an editor should check
 * (npm run review): pairs joined with little in common, and pairs kept apart that have much in common.
 */
import { cosineOf, jaccard } from '../text/similarity.ts';
import { STOPWORDS } from '../text/stopwords.ts';
import { stem } from '../text/stem.ts';
import type { Variant } from '../clean/types.ts';
import { type ConceptIndex, dropSubsumed, normaliseWords } from '../text/concepts.ts';

/** Words that carry no subject: function words, asking words, and the field's words every question shares. */
const FILLER = new Set([
  ...STOPWORDS,
  ...'did you your explain describe main key common concept role use used using not no many much one two model models transformer transformers llm llms language large'.split(' '),
]);

export interface Evidence {
  /** Shared specific concepts of the two questions, over all they name (Jaccard). */
  questionConcepts: number;
  /** Cosine of the questions' content words (stemmed). */
  questionWords: number;
  /** Cosine of the answers' content words (stemmed); 0 when either has no answer. */
  answerWords: number;
  /** One number to rank by: the mean of the signals both questions have (concepts, words, answers). */
  score: number;
}

interface Profile {
  concepts: Set<string>;
  questionWords: Map<string, number>;
  answerWords: Map<string, number>;
}

const counts = (words: string[]) => {
  const m = new Map<string, number>();
  for (const w of words) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
};
const contentWords = (text: string) => normaliseWords(text).filter((w) => w.length > 2 && !FILLER.has(w) && !/^\d+$/.test(w)).map(stem);
/** A question made only of the field's common words ("What are large language models?") is its words. */
const questionWordsOf = (text: string) => {
  const content = contentWords(text);
  return counts(content.length ? content : normaliseWords(text).map(stem));
};

/** Reads each variant once; `compare` then costs a few map lookups. */
export function evidenceOf(index: ConceptIndex): { profile: (v: Variant) => Profile; compare: (a: Variant, b: Variant) => Evidence } {
  const profiles = new Map<Variant, Profile>();
  const profile = (v: Variant): Profile => {
    let p = profiles.get(v);
    if (!p) {
      p = {
        concepts: new Set(dropSubsumed(index.find(v.question), index).filter((id) => (index.concepts.get(id)?.level ?? 2) >= 1)),
        questionWords: questionWordsOf(v.question),
        answerWords: counts(contentWords(v.answer ?? '')),
      };
      profiles.set(v, p);
    }
    return p;
  };
  const compare = (a: Variant, b: Variant): Evidence => {
    const pa = profile(a);
    const pb = profile(b);
    const questionConcepts = jaccard(pa.concepts, pb.concepts);
    const questionWords = cosineOf(pa.questionWords, pb.questionWords);
    const answerWords = cosineOf(pa.answerWords, pb.answerWords);
    // A signal neither side has says nothing: two questions naming no specific concept, or a question with no
    // answer, are judged on what they do have (identical wordings are then strong evidence, not middling).
    const signals = [
      ...(pa.concepts.size || pb.concepts.size ? [questionConcepts] : []),
      questionWords,
      ...(pa.answerWords.size > 0 && pb.answerWords.size > 0 ? [answerWords] : []),
    ];
    const score = signals.reduce((sum, x) => sum + x, 0) / signals.length;
    return { questionConcepts, questionWords, answerWords, score };
  };
  return { profile, compare };
}
