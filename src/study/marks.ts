/**
 * Topic pages: the person's study counts for the topic under its introduction, and under each entry's heading
 * its status with "Mark as known" and "Review later". The page is built with both as a new visitor sees them
 * (src/components/StudyProgress.astro, StudyMark.astro), so filling them in moves nothing on the page; they
 * show once filled in. Entries are found by their headings' ids (the permanent entry ids); progress saved under
 * a retired id is found through the alias anchors the page keeps for it.
 * Kept small on purpose: no scheduler and no schema here. A mark is stored as it is and the study page turns it
 * into a review; a store this script cannot read is set aside and reset, as the study page does.
 */
import { countStatuses, DEFAULT_SETTINGS, describeCounts, recordOf, statusOf, STORE_KEY, STORE_VERSION, UNREADABLE_KEY, type Mark, type StatusCounts, type StatusRecord } from './status.ts';

interface LooseProgress {
  version: number;
  settings: unknown;
  cards: Record<string, StatusRecord & Record<string, unknown>>;
}

export const STATUS_TEXT = { new: 'Not studied yet', learning: 'Still learning', due: 'Due for review', learned: 'Learned' } as const;

/** The topic's counts as the page shows them, before its link to the study page. */
export function progressText(counts: StatusCounts, reset = false): string {
  return `${reset ? 'Your saved study progress could not be read and was reset. ' : ''}Your study progress here: ${describeCounts(counts)}. `;
}

function read(): { progress: LooseProgress; reset: boolean } {
  const empty = (): LooseProgress => ({ version: STORE_VERSION, settings: { ...DEFAULT_SETTINGS }, cards: {} });
  const text = localStorage.getItem(STORE_KEY);
  if (text === null) return { progress: empty(), reset: false };
  try {
    const data = JSON.parse(text) as LooseProgress;
    if (data?.version === STORE_VERSION && data.cards && typeof data.cards === 'object' && !Array.isArray(data.cards)) return { progress: data, reset: false };
  } catch {
    // Unreadable: set aside below.
  }
  localStorage.setItem(UNREADABLE_KEY, text);
  localStorage.setItem(STORE_KEY, JSON.stringify(empty()));
  return { progress: empty(), reset: true };
}

export function startMarks(doc: Document): void {
  const content = doc.querySelector('.sl-markdown-content');
  if (!content || !/\/topics\/[^/]+\/?$/.test(location.pathname)) return;
  const headings = [...content.querySelectorAll<HTMLHeadingElement>('h2[id]')];
  const ids = headings.map((h) => h.id);
  const live = doc.getElementById('kb-marks-live');
  let { progress, reset } = read();

  /** Progress saved under a retired id belongs to the entry whose heading follows that id's alias anchor. */
  function adopt(): void {
    for (const key of Object.keys(progress.cards)) {
      const alias = ids.includes(key) ? null : doc.getElementById(key);
      const heading = alias && headings.find((h) => alias.compareDocumentPosition(h) & Node.DOCUMENT_POSITION_FOLLOWING);
      if (heading && !recordOf(progress.cards, heading.id)) progress.cards[heading.id] = progress.cards[key]!;
    }
  }
  adopt();

  const summary = content.querySelector<HTMLElement>('.kb-study-progress');
  const controls = new Map([...content.querySelectorAll<HTMLElement>('.kb-mark[data-entry]')].map((bar) => [bar.dataset.entry!, bar]));

  function show(): void {
    const now = Date.now();
    const link = summary?.querySelector('a');
    if (summary && link) summary.replaceChildren(progressText(countStatuses(ids, progress.cards, now), reset), link);
    for (const [id, bar] of controls) bar.firstElementChild!.textContent = STATUS_TEXT[statusOf(recordOf(progress.cards, id), now)];
  }

  content.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('.kb-mark button[data-mark]');
    const id = button && [...controls].find(([, bar]) => bar.contains(button))?.[0];
    if (!button || !id) return;
    // Read again: the study page may have changed the store since this page loaded.
    progress = read().progress;
    adopt();
    const mark: Mark = { kind: button.dataset.mark as Mark['kind'], at: new Date().toISOString() };
    progress.cards[id] = { ...recordOf(progress.cards, id), mark };
    localStorage.setItem(STORE_KEY, JSON.stringify(progress));
    reset = false;
    show();
    const heading = headings.find((h) => h.id === id)?.textContent?.trim();
    if (live) live.textContent = mark.kind === 'known' ? `Marked as known: ${heading}` : `Marked to review soon: ${heading}`;
  });

  show();
  doc.documentElement.dataset.kbMarks = 'shown';
}
