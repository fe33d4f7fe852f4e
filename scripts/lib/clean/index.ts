/** The clean stage: parsed questions in, variants with clean wording and Markdown answers out. */
import type { ParsedQuestion } from '../parse/types.ts';
import type { Variant } from './types.ts';
import { cleanAnswer } from './answer.ts';
import type { Lexicon } from '../text/lexicon.ts';
import { cleanQuestion } from './question.ts';

export { buildLexicon, vocabularyWords } from '../text/lexicon.ts';

export function cleanQuestions(parsed: ParsedQuestion[], lexicon: Lexicon): { variants: Variant[]; dropped: number } {
  let dropped = 0;
  const variants = parsed.map((q): Variant => {
    const answer = q.answer ? cleanAnswer(q.answer, q.answerForm, lexicon) : null;
    dropped += answer?.droppedLines ?? 0;
    return {
      source: q.source,
      line: q.line,
      question: cleanQuestion(q.question, lexicon),
      answer: answer?.markdown || null,
      ...(q.section ? { section: q.section } : {}),
    };
  });
  return { variants, dropped };
}
