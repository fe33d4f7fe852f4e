/**
 * Text for places that show no typeset math and no markup: page titles, meta descriptions, search records and
 * search result excerpts. TeX becomes the symbols a reader sees (√dₖ, QKᵀ, O(n²)), and the credit tags that
 * merged answers end their points with ("*(Part 6, Flashcards)*") are left out: they say who wrote a point,
 * they are not what it says, and a search for "flash attention" must not find every point credited to the
 * flashcards.
 */
import type { Emphasis, PhrasingContent, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import { MATH_SPAN, parseUntrusted } from '../shared/markdown.ts';

const SYMBOLS: Record<string, string> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', eta: 'η', theta: 'θ', lambda: 'λ', mu: 'μ',
  pi: 'π', rho: 'ρ', sigma: 'σ', tau: 'τ', phi: 'φ', psi: 'ψ', omega: 'ω', Delta: 'Δ', Theta: 'Θ', Sigma: 'Σ', Omega: 'Ω',
  sum: 'Σ', prod: '∏', infty: '∞', cdot: '·', times: '×', approx: '≈', le: '≤', leq: '≤', ge: '≥', geq: '≥', neq: '≠',
  in: '∈', to: '→', rightarrow: '→', leftarrow: '←', ll: '≪', gg: '≫', dots: '…', ldots: '…', cdots: '⋯', top: 'ᵀ',
  mid: '|', sim: '∼', partial: '∂', nabla: '∇', odot: '⊙', oplus: '⊕', propto: '∝', pm: '±', mod: 'mod',
};
/** Symbols that read with a space either side. */
const RELATIONS = new Set(['cdot', 'times', 'approx', 'le', 'leq', 'ge', 'geq', 'neq', 'in', 'to', 'rightarrow', 'leftarrow', 'mid', 'sim', 'propto', 'll', 'gg']);
/** Spacing and sizing commands: a space or nothing. */
const SPACES: Record<string, string> = { ',': ' ', ';': ' ', ':': ' ', '!': '', quad: ' ', qquad: ' ', left: '', right: '', big: '', Big: '' };
/** Characters with a subscript (superscript) form; the forms themselves map to themselves (`^\\top` is ᵀ already). */
const forms = (plain: string, scripted: string) => Object.fromEntries([...plain].map((c, i) => [c, [...scripted][i]!]).concat([...scripted].map((c) => [c, c])));
const SUBSCRIPT = forms('0123456789+-=()aehijklmnoprstuvx', '₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ');
const SUPERSCRIPT = forms('0123456789+-=()inT', '⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁱⁿᵀ');

/** The group that starts at `at` ({…} or one character or one command), and where it ends. */
function group(tex: string, at: number): { body: string; end: number } {
  let i = at;
  while (tex[i] === ' ') i++;
  if (tex[i] === '{') {
    let depth = 0;
    for (let j = i; j < tex.length; j++) {
      if (tex[j] === '{') depth++;
      else if (tex[j] === '}' && --depth === 0) return { body: tex.slice(i + 1, j), end: j + 1 };
    }
    return { body: tex.slice(i + 1), end: tex.length };
  }
  const command = /^\\[a-zA-Z]+/.exec(tex.slice(i));
  if (command) return { body: command[0], end: i + command[0].length };
  return { body: tex[i] ?? '', end: i + 1 };
}

/** A sub- or superscript in Unicode when every character has a form, else written out after "_" or "^". */
function script(text: string, forms: Record<string, string>, mark: string): string {
  const chars = [...text.replace(/\s+/g, '')];
  if (chars.length && chars.every((c) => forms[c])) return chars.map((c) => forms[c]).join('');
  return /^[\p{L}\p{N}]+$/u.test(text) ? `${mark}${text}` : `${mark}(${text})`;
}

/** TeX as the characters a reader sees: `\sqrt{d_k}` → √dₖ, `QK^\top` → QKᵀ, `\frac{a}{b}` → a/b. */
export function texAsText(tex: string): string {
  let out = '';
  for (let i = 0; i < tex.length; ) {
    const char = tex[i]!;
    if (char === '\\') {
      const name = /^\\([a-zA-Z]+|.)/.exec(tex.slice(i))?.[1] ?? '';
      i += name.length + 1;
      // TeX ignores the spaces after a command word: "\Delta W" is ΔW.
      if (/^[a-zA-Z]+$/.test(name)) while (tex[i] === ' ') i++;
      if (name === 'sqrt') {
        const arg = group(tex, i);
        const body = texAsText(arg.body);
        out += /^[\p{L}\p{N}₀-₉ₐ-ₜ]+$/u.test(body) ? `√${body}` : `√(${body})`;
        i = arg.end;
      } else if (name === 'frac') {
        const top = group(tex, i);
        const bottom = group(tex, top.end);
        const wrap = (s: string) => (/^[\p{L}\p{N}₀-₉ₐ-ₜ√]+$/u.test(s) ? s : `(${s})`);
        out += `${wrap(texAsText(top.body))}/${wrap(texAsText(bottom.body))}`;
        i = bottom.end;
      } else if (['text', 'mathrm', 'mathbf', 'mathit', 'mathcal', 'operatorname', 'textbf', 'mathbb'].includes(name)) {
        const arg = group(tex, i);
        out += name === 'mathbb' && arg.body === 'R' ? 'ℝ' : texAsText(arg.body);
        i = arg.end;
      } else if (name in SYMBOLS) out += RELATIONS.has(name) ? ` ${SYMBOLS[name]} ` : SYMBOLS[name];
      else if (name in SPACES) out += SPACES[name];
      else if (/^[a-zA-Z]+$/.test(name)) out += /[a-zA-Z]/.test(tex[i] ?? '') ? `${name} ` : name; // \log p: the function's name.
      else out += name; // \{ \} \| \%: the character itself.
    } else if (char === '_' || char === '^') {
      const arg = group(tex, i + 1);
      const body = texAsText(arg.body);
      out += char === '_' ? script(body, SUBSCRIPT, '_') : script(body, SUPERSCRIPT, '^');
      i = arg.end;
    } else if (char === '{' || char === '}') i++;
    else {
      out += char;
      i++;
    }
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** A title or question with its inline math as text: "Why scale by $\sqrt{d_k}$?" → "Why scale by √dₖ?". */
export function mathInTextAsText(text: string): string {
  return text.replace(new RegExp(MATH_SPAN.source, 'g'), (span: string) => texAsText(span.replace(/^\$+|\$+$/g, '')));
}

/**
 * "*(Part 6, 200 Questions (book))*" or "*(Editors' correction)*" after a point: who wrote it, not what it
 * says. Merged answers write every credit, and nothing else, as emphasis wholly in parentheses.
 */
export function isCredit(node: RootContent): node is Emphasis {
  return node.type === 'emphasis' && /^\(.+\)$/s.test(toString(node).trim());
}

/**
 * Plain text of Markdown for reading without markup: paragraphs, cells and headings, each closed by
 * punctuation so that list items read apart; math as symbols; credit tags left out.
 */
export function readableText(markdown: string): string {
  const tree = parseUntrusted(markdown);
  visit(tree, (node, index, parent) => {
    if (parent && index !== undefined && isCredit(node as RootContent)) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    if ((node.type === 'inlineMath' || node.type === 'math') && parent && index !== undefined) {
      const text: PhrasingContent = { type: 'text', value: texAsText((node as { value: string }).value) };
      parent.children.splice(index, 1, node.type === 'math' ? ({ type: 'paragraph', children: [text] } as RootContent) : text);
    }
    return undefined;
  });
  const blocks: string[] = [];
  visit(tree, ['paragraph', 'tableCell', 'heading'], (node) => {
    const text = toString(node).replace(/\s+/g, ' ').trim();
    if (text) blocks.push(/[.!?:;]$/.test(text) ? text : `${text};`);
    return SKIP;
  });
  return blocks.join(' ').replace(/;$/, '.');
}
