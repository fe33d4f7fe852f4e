/**
 * The W3C Nu HTML checker (vnu-jar) on one page of each type of the built site: no error in markup this project
 * writes. Errors from Starlight and Expressive Code are listed, with their source, in scripts/check-html.ts.
 */
import { describe, expect, inject, it } from 'vitest';
import { checkHtml, pagesToCheck } from '../../scripts/check-html.ts';

const dist = inject('dist');

describe('the HTML checker', () => {
  it('finds no error of the project\'s own on the home, a topic, an answer, a redirect, glossary, sources, study and 404 pages', () => {
    const pages = pagesToCheck(dist);
    expect(pages.some((p) => /^q\/.+/.test(p) && p !== pages[2])).toBe(true);
    const { errors } = checkHtml(dist, pages);
    expect(errors.map((e) => `${e.page}:${e.line}: ${e.message}`)).toEqual([]);
  });
});
