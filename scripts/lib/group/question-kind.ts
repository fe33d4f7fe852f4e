/**
 * What a question asks of its subject. Two questions about the same concepts are the same question only when
 * they ask the same kind of thing: "What is LoRA?" and "Why is LoRA effective?" are both about what LoRA is and
 * does ("about"), but "Write the LoRA weight update formula" asks for a formula.
 */
export type QuestionKind =
  | 'about' // definition, purpose, role, mechanism, importance: what it is, why, how it works
  | 'compare' // difference between, vs, compare, differ
  | 'prefer' // when is X preferable to Y: direction matters
  | 'formula'
  | 'kinds' // types, kinds, examples, strategies, techniques, components
  | 'challenges' // challenges, limitations, problems, risks, trade-offs
  | 'remedy' // how to mitigate, avoid, prevent, reduce, fix
  | 'effect' // how does X affect Y
  | 'evaluate'
  | 'when' // when is it used, when should it be used
  | 'count' // how many
  | 'combine' // can X be combined with Y
  | 'handle' // how does it handle inputs, tasks, sequences
  | 'relation' // how does X relate to Y
  | 'apply' // how can X be applied to Y
  | 'howto' // how do you do something with it
  | 'future' // where it is heading: its future, how it might evolve
  | 'can' // can X be done, can X do: a yes/no question about one capability
  | 'scenario'; // a situation, then a question about it

const RULES: [QuestionKind, RegExp][] = [
  ['formula', /\b(?:formula|equation|mathematical)\b/],
  // "Fine-tuning or RAG?": a choice between two named things.
  ['prefer', /\bpreferable to\b|\bpreferred over\b|\b[\w-]+ or [\w-]+\?\s*(?:why\?)?$/],
  ['compare', /\b(?:differen(?:ce|ces|t)|differ|compare|comparison|contrast|distinction|distinguish(?:es)?|vs\.?|versus|instead of)\b/],
  ['count', /\bhow many\b/],
  ['evaluate', /\b(?:evaluate[ds]?|evaluation|measure|metrics?)\b/],
  ['remedy', /\b(?:mitigat\w*|avoid\w*|prevent\w*|reduce\w*|fix|address\w*|overcome)\b/],
  ['handle', /\bhow (?:are|is|do|does|can|to)\b[^?]*\bhandl|^handling\b/],
  ['relation', /\brelates? to\b|\brelationship between\b/],
  ['apply', /\bbe applied\b/],
  ['about', /\bproblems? (?:do|does) [^?]* solve\b/],
  ['combine', /\b(?:combined?|combining)\b/],
  // "the vanishing gradient problem" names a thing; "what problems" asks for a list.
  ['challenges', /\b(?:challenges?|limitations?|problems|issues|risks?|trade-?offs?|disadvantages?|concerns)\b/],
  ['effect', /\b(?:affects?|impacts?|influences?|shape)\b/],
  ['kinds', /\b(?:types|kinds|examples|strateg(?:y|ies)|techniques|components|which tasks|features)\b|\bcommon [\w-]+(?: [\w-]+)? (?:functions|methods|techniques)\b|^what [\w-]+(?: [\w-]+)? (?:mechanisms|methods|objectives|tasks) (?:are|exist)\b/],
  ['future', /\b(?:future|evolv\w*|emerging trends?|outlook)\b/],
  ['howto', /^how (?:do|can|would|should) (?:you|we|one)\b/],
  ['when', /^when\b|\bwhen (?:is|should)\b/],
  ['can', /^can\b(?! you (?:explain|describe|elaborate|provide|tell))/],
];

/** The question split into its clauses ("What is X, and how does it work?" → two). */
function clauses(question: string): string[] {
  return question
    .toLowerCase()
    .split(/[?.]\s+|,?\s+and\s+(?=(?:how|why|what|when|which|where)\b)/)
    .map((c) => c.trim())
    .filter(Boolean);
}

import { sentencesOf } from '../text/sentences.ts';

/** A statement followed by a question ("LLM provides outdated info. How do you fix it?") is a scenario. */
function isScenario(question: string): boolean {
  const sentences = sentencesOf(question);
  return sentences.length > 1 && !/\?$/.test(sentences[0]!) && !/^(?:what|why|how|explain)\b/i.test(sentences[0]!);
}

export function questionKind(question: string): QuestionKind {
  if (isScenario(question)) return 'scenario';
  const lower = question.toLowerCase();
  // A comparison or a formula anywhere decides; otherwise the first clause says what is asked.
  for (const kind of ['formula', 'prefer', 'compare'] as const) {
    if (RULES.find(([k]) => k === kind)![1].test(lower)) return kind;
  }
  const first = clauses(question)[0] ?? lower;
  for (const [kind, pattern] of RULES) if (pattern.test(first)) return kind;
  return 'about';
}
