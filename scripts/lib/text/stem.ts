/**
 * Porter (1980) stems, from the `stemmer` package: "normalizes", "normalization" and "normalizing" all become
 * "normal", so two wordings share their stems. British "-ise" is read as "-ize" first, as the sources spell both.
 */
import { stemmer } from 'stemmer';

export const stem = (word: string): string => stemmer(word.replace(/is(e|es|ed|ing|ation|ations|er|ers)$/, 'iz$1'));
