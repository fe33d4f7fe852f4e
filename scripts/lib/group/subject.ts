/**
 * What a question is about and what it asks: its subject concepts and its kind. Questions with the same
 * subject and kind ask the same thing. A trailing context phrase made only of generic words ("… in the
 * context of LLMs", "… during fine-tuning") does not change the question and is set aside.
 */
import { QUESTION_STOPWORDS } from '../text/stopwords.ts';
import type { ConceptIndex } from '../text/concepts.ts';
import { dropSubsumed, normaliseWords } from '../text/concepts.ts';
import { type QuestionKind, questionKind } from './question-kind.ts';

export interface Subject {
  kind: QuestionKind;
  /** For a question that names only generic concepts, its other content words (what it says of them). */
  words?: string[];
  /** Subject concepts; order matters only for `prefer` ("fine-tuning over RAG" is not "RAG over fine-tuning"). */
  concepts: string[];
}

/** "… models like BERT", "… such as text and images": examples, not the subject. */
const EXAMPLE_PHRASE = /\s*,?\s*\b(?:like|such as|e\.g\.)\s+[\w-]+(?:\s+(?:and|or)\s+[\w-]+)?/gi;
/** Every question here is about Transformers: naming them adds nothing when anything else is named. */
const IMPLICIT_CONTEXT = 'transformer';
/** Prepositions that open a trailing context phrase ("… in transformers", "… during fine-tuning"). */
const CONTEXT_PREPOSITION = /\s(?:in|for|during|within|with|among|to|on|across|at)\s+(?:the\s+context\s+of\s+)?/gi;

/** Words that say what is asked, not what it is about: never a sign of a different subject. */
const ASKING_WORDS =
  /^(?:mitigat|avoid|prevent|reduc|address|overcom|handl|matter|work|explain|elaborat|describ|defin|purpose|role|significan|importan|useful|need|benefit|advantage|differ|compar|contrast|distinct|mechanic|concept|function|mean|happen|help|improv|effect|affect|impact|influenc|enabl|use|typical|common|main|key|various|kind|type|simpl|exactly|actually|really|often|usually)/;

/** The question with its trailing context phrase set aside, when that phrase names only generic concepts. */
function withoutContext(text: string, index: ConceptIndex): string {
  for (const match of text.matchAll(CONTEXT_PREPOSITION)) {
    const rest = text.slice(0, match.index);
    const phrase = text.slice(match.index + match[0].length);
    const inPhrase = index.find(phrase);
    const generic = inPhrase.every((id) => (index.concepts.get(id)?.level ?? 2) < 2);
    if (generic && index.find(rest).length > 0) return rest;
  }
  return text;
}

/**
 * `isRare(word)`: whether a word is rare across all sources. A rare word outside the vocabulary names a thing
 * the vocabulary does not know ("speculative decoding", "weight tying"): it becomes part of the subject, so
 * a question about an unknown concept is not merged into one about a known concept it mentions.
 */
export function subjectOf(question: string, index: ConceptIndex, isRare: (word: string) => boolean = () => false): Subject {
  const kind = questionKind(question);
  let text = question.replace(EXAMPLE_PHRASE, '') || question;
  if (index.find(text).length === 0) text = question;
  text = withoutContext(text, index);
  const mentioned = index.find(text);
  const found = dropSubsumed(mentioned, index);
  // Broad concepts count ("the future of deployment" is not "the future of transfer learning"); the words
  // every question shares count only when nothing else is named.
  const named = found.filter((id) => index.concepts.get(id)!.level >= 1);
  const broadOnly = named.length > 0 && named.every((id) => index.concepts.get(id)!.level === 1);
  // With only broad concepts named, the generic ones say which field is meant ("training deep networks").
  const concepts = !named.length ? found : broadOnly ? found.filter((id) => id !== IMPLICIT_CONTEXT) : named;
  const conceptWords = new Set(mentioned.flatMap((id) => index.concepts.get(id)!.aliases.flatMap(normaliseWords)));
  const residue = [...new Set(normaliseWords(text).filter((w) => !QUESTION_STOPWORDS.has(w) && !conceptWords.has(w) && !/^\d+$/.test(w)))].sort();
  if (broadOnly) {
    // A broad area and what is said of it ("How is attention computed efficiently?"): the words that are
    // neither the area nor the asking are the question, so they are part of its subject.
    const said = residue.filter((w) => !ASKING_WORDS.test(w));
    if (said.length) return { kind, concepts, words: said };
  }
  if (named.length) {
    const unknown = unknownHead(text, index).filter(isRare);
    return unknown.length ? { kind, concepts, words: unknown } : { kind, concepts };
  }
  return { kind, concepts, words: residue };
}

const OPENER =
  /^(?:(?:can|could) you (?:explain|describe|elaborate on|provide)\s+|(?:explain|describe|define|name|write)\s+|(?:what|which|why|how|when|where|who)(?:\s+(?:is|are|was|were|does|do|did|can|could|should|would|will|might|isn't|aren't))?\s+)/i;
const DETERMINER = /^(?:the|a|an|some|main|key|common|most|various|different|typical)\s+/i;
const ASKING_NOUN =
  /^(?:role|purpose|functions?|(?:mathematical\s+)?formula|building blocks|significance|importance|mechanics|concept|idea|goal|differences?|advantages?|disadvantages?|types?|kinds?|examples?|challenges?|limitations?|issues|problems|trade-offs|impact|effect|benefits?|strateg(?:y|ies)|techniques|methods|capabilities|distinction|potential)\s+(?:of|behind|between|in|for|with|do|does|are|is|exist)\s+/i;
const HEAD_END =
  /\s(?:is|are|was|were|do|does|did|be|work|works|and|or|in|for|of|to|with|during|between|on|by|that|which|when|why|how|help|helps|improve|improves|reduce|reduces|speed|affect|affects|differ|differs|compare|relate)\b|[,?.]/i;

/**
 * The words of a question's grammatical subject that the vocabulary does not know: "speculative decoding" in
 * "How does speculative decoding speed up inference?", and "activation" in "What is activation checkpointing?",
 * where a word in front of a known concept names a narrower thing than the concept ("checkpointing" alone is
 * saving the model's state).
 */
export function unknownHead(question: string, index: ConceptIndex): string[] {
  let head = question.trim().replace(OPENER, '');
  for (let previous = ''; previous !== head; ) {
    previous = head;
    head = head.replace(DETERMINER, '').replace(ASKING_NOUN, '');
  }
  const end = HEAD_END.exec(head);
  if (end) head = head.slice(0, end.index);
  const known = new Set(index.find(head).flatMap((id) => index.concepts.get(id)!.aliases.flatMap(normaliseWords)));
  return normaliseWords(head).filter((w) => !known.has(w) && !QUESTION_STOPWORDS.has(w) && !ASKING_WORDS.test(w) && w.length > 2);
}

/** Two questions with equal keys ask the same thing. */
export function subjectKey(subject: Subject, question: string): string {
  const { concepts } = subject;
  if (subject.kind === 'scenario' || concepts.length === 0) {
    return `text:${question.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()}`;
  }
  // "What is GPT and how does it differ from BERT?" and "Compare GPT and BERT" ask the same of two concepts.
  const kind = subject.kind === 'compare' && concepts.length > 1 ? 'about' : subject.kind;
  const ordered = subject.kind === 'prefer' ? concepts : [...concepts].sort();
  return `${kind}:${ordered.join('+')}${subject.words ? `/${subject.words.join(' ')}` : ''}`;
}
