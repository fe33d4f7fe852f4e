/**
 * Writes as LaTeX what the sources clearly meant as math but lost in extraction (`√d_k`, `O(n2)`,
 * `W=W0+ΔW,ΔW=AB`, math-italic letters), and tidies the LaTeX they already have. Existing `$…$` spans are
 * left as they are apart from naming functions properly (`sin` → `\sin`).
 */

import { MATH_SPAN } from '../shared/markdown.ts';

/** Mathematical Alphanumeric Symbols block: letters a PDF extraction kept as math italics. */
const MATH_ITALIC_RUN = /[\u{1D400}-\u{1D7FF}](?:[\u{1D400}-\u{1D7FF}\d]|,(?=[\u{1D400}-\u{1D7FF}]))*/gu;
const KNOWN_FUNCTIONS = ['sin', 'cos', 'exp', 'log'];
const NAMED_OPERATORS = ['MultiHead', 'Concat', 'Attention', 'softmax', 'head'];

/** Applies `repair` to the text outside math spans and `tidy` to the math spans. */
function mapSegments(text: string, repair: (plain: string) => string, tidy: (math: string) => string): string {
  return text
    .split(MATH_SPAN)
    .map((segment, i) => (i % 2 === 1 ? tidy(segment) : repair(segment)))
    .join('');
}

/** `W0` → `W_0`, `ΔW` → `\Delta W`. */
function toLatexSymbols(expression: string): string {
  return expression
    .replace(/([A-Za-z])(\d+)\b/g, '$1_$2')
    .replace(/Δ\s*/g, '\\Delta ')
    .replace(/⋅/g, ' \\cdot ');
}

function repairPlain(text: string): string {
  return (
    text
      // √d_k, √dk: the scaling factor of attention.
      .replace(/√\s*d_?k\b/g, '$\\sqrt{d_k}$')
      // O(n2), O(n^2 d), O(n⋅d): complexity written without superscripts.
      .replace(/\bO\(([^()]*\bn[^()]*)\)/g, (_, inner: string) => {
        const latex = inner.replace(/\bn2\b/g, 'n^2').replace(/⋅/g, ' \\cdot ').replace(/\s+/g, ' ').trim();
        return `$O(${latex})$`;
      })
      // A formula written as one token, such as W=W0+ΔW,ΔW=AB: an equation with an operation in it.
      .replace(/(^|\s)([A-Za-zΔ0-9]+(?:[=+][A-Za-zΔ0-9]+)+(?:,[A-Za-zΔ0-9]+(?:[=+][A-Za-zΔ0-9]+)+)*)(?=\s|$)/g, (whole, lead: string, formula: string) =>
        formula.includes('=') && /[+Δ]/.test(formula) ? `${lead}$${toLatexSymbols(formula).split(',').join(',\\quad ')}$` : whole,
      )
      // Math-italic letters: 𝐴,𝐵 → $A, B$; 𝑊0 → $W_0$.
      .replace(MATH_ITALIC_RUN, (run) => `$${toLatexSymbols(run.normalize('NFKC')).replace(/,/g, ', ')}$`)
      // d_k, d_model: subscripted symbols outside math.
      .replace(/(^|[\s(])([a-zA-Z])_([a-zA-Z0-9]+)\b/g, (_, lead: string, base: string, sub: string) =>
        `${lead}$${base}_${sub.length > 1 ? `{${sub}}` : sub}$`,
      )
  );
}

/** Each function or operator name with what it becomes, its expression compiled once. */
const NAMINGS: [RegExp, string][] = [
  ...KNOWN_FUNCTIONS.map((name): [RegExp, string] => [new RegExp(`(?<![\\\\a-zA-Z])${name}(?=\\s*\\()`, 'g'), `\\${name}`]),
  ...NAMED_OPERATORS.map((name): [RegExp, string] => [new RegExp(`(?<![\\\\a-zA-Z{])${name}(?=\\s*[(_])`, 'g'), `\\operatorname{${name}}`]),
];

function tidyMath(span: string): string {
  return NAMINGS.reduce((out, [pattern, named]) => out.replace(pattern, named), span);
}

/** Repairs math in one line of text (see the module comment). */
export function repairMath(text: string): string {
  return mapSegments(text, repairPlain, tidyMath);
}

/** A line that is nothing but one math span is display math: returns its LaTeX, or `undefined`. */
export function displayMath(text: string): string | undefined {
  const trimmed = text.trim();
  const match = /^\$\$([^$]+)\$\$$/.exec(trimmed) ?? /^\$([^$]+)\$$/.exec(trimmed);
  return match ? tidyMath(match[1]!.trim()) : undefined;
}
