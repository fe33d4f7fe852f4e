/**
 * Words that say nothing of what a text is about, in one place for every stage. Grouping reads answers' points
 * with the longer list; a question's subject is read with the shorter one, which keeps words such as "between"
 * or "more" that a question's residue is compared on.
 */

/** Words that say nothing about the point. */
export const STOPWORDS = new Set(
  `a an and are as at be been being by can could do does did for from has have had how in into is it its of on or so such
  that the their them then there these they this those to was were what when where which while who whom whose why will with
  would should may might must shall also more most than only each both other others another any all some very too just
  about over under between through during before after above below up down out off again further once here same own
  we us our you your i me my he she his her him e g eg ie i.e etc via per whether upon within across like unlike
  often typically usually generally particularly especially mainly mostly commonly simply certain specific given even thus
  therefore however additionally furthermore moreover instead rather hence overall back away`.split(/\s+/),
);

/** Words a question's subject is never named by: function words and the words that frame a question. */
export const QUESTION_STOPWORDS = new Set(
  'a an and are as at be by can could did do does for from how in into is it its of on or the their them they this to was were what when where which who why will with would you your explain describe main key some common concept role'.split(' '),
);
