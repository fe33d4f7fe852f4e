/**
 * The study page in the browser: picks the next card, shows its answer on request, rates it, and keeps the
 * progress, the settings and the counts in step. All scheduling is in schedule.ts and deck.ts; this file is DOM.
 */
import type { Grade } from 'ts-fsrs';
import { nextCard, nextDueAfter, newLeftToday, selectDeck, type NextCard, type StudyEntry } from './deck.ts';
import { exportProgress, followAliases, loadProgress, readProgress, saveProgress, updateProgress, type Progress } from './progress.ts';
import { formatInterval, previewDue, rate, applyKnownMarks, RATINGS } from './schedule.ts';
import { countStatuses, describeCounts, recordOf, UNREADABLE_KEY, type Selection } from './status.ts';

interface PageData {
  aliases: Record<string, string>;
  topics: Record<string, string>;
}

const REASONS: Record<NextCard['reason'], string> = { later: 'Marked to review', due: 'Due for review', new: 'New card', ahead: 'Learning' };

export function startStudy(root: HTMLElement): void {
  const $ = <T extends HTMLElement>(id: string) => root.querySelector<T>(`#${id}`)!;
  const data: PageData = JSON.parse($('kb-study-data').textContent ?? '{}');
  const templates = new Map([...root.querySelectorAll<HTMLTemplateElement>('template[data-entry]')].map((t) => [t.dataset.entry!, t]));
  const entries: StudyEntry[] = [...templates.values()].map((t) => ({ id: t.dataset.entry!, topic: t.dataset.topic!, asked: Number(t.dataset.asked) }));
  const answers = topicAnswers(root.dataset.base ?? '/', templates);

  const card = $('kb-card');
  const question = $('kb-card-question');
  const showButton = $<HTMLButtonElement>('kb-show-answer');
  const answer = $('kb-card-answer');
  const rateGroup = $('kb-card-rate');
  const done = $('kb-study-done');
  const live = $('kb-study-live');
  const form = $<HTMLFormElement>('kb-study-settings');

  let current: NextCard | undefined;
  let revealed = false;

  const announce = (message: string) => {
    // Cleared first so the same message twice is announced twice.
    live.textContent = '';
    setTimeout(() => (live.textContent = message), 50);
  };

  function reportProblem(message: string): void {
    const box = $('kb-study-problem');
    box.textContent = message;
    box.hidden = false;
  }

  /** Progress as saved, with merged ids followed and "known" marks from topic pages turned into reviews. */
  function load(): Progress {
    const loaded = loadProgress(localStorage);
    if (loaded.problem) {
      reportProblem(
        `Your saved study progress could not be read (${loaded.problem}), so it was reset. A copy was kept in this browser's storage under “${UNREADABLE_KEY}”. If you exported your progress, import the file below.`,
      );
    }
    return normalise(loaded.progress);
  }

  function normalise(progress: Progress): Progress {
    const followed = followAliases(progress, data.aliases);
    return { ...followed, cards: applyKnownMarks(followed.cards) };
  }

  let progress = load();
  saveProgress(localStorage, progress);

  // A link from a topic page ("Study this topic") selects that topic.
  const wanted = new URLSearchParams(location.search).get('topic');
  if (wanted && Object.hasOwn(data.topics, wanted)) {
    progress = change((p) => ({ ...p, settings: { ...p.settings, selection: 'topics', topics: [wanted] } }));
  }

  function change(update: (p: Progress) => Progress): Progress {
    progress = updateProgress(localStorage, (p) => update(normalise(p))).progress;
    return progress;
  }

  const deck = () => selectDeck(entries, progress.settings);

  function fillSettings(): void {
    const { selection, topics, newPerDay } = progress.settings;
    for (const radio of form.querySelectorAll<HTMLInputElement>('input[name="selection"]')) radio.checked = radio.value === selection;
    for (const box of form.querySelectorAll<HTMLInputElement>('input[name="topic"]')) box.checked = topics.includes(box.value);
    form.querySelector<HTMLInputElement>('input[name="newPerDay"]')!.value = String(newPerDay);
  }

  function showCounts(now: Date): void {
    for (const topic of Object.keys(data.topics)) {
      const ids = entries.filter((e) => e.topic === topic).map((e) => e.id);
      const counts = countStatuses(ids, progress.cards, now.getTime());
      root.querySelector(`[data-counts="${topic}"]`)!.textContent = describeCounts(counts);
    }
    const chosen = deck();
    const counts = countStatuses(chosen.map((e) => e.id), progress.cards, now.getTime());
    $('kb-study-summary').textContent =
      `${chosen.length} cards chosen: ${counts.due} due now, ${newLeftToday(chosen, progress, now)} new still to learn today, ${counts.learning} in learning, ${counts.learned} learned.`;
  }

  function showNext(focus: boolean): void {
    const now = new Date();
    showCounts(now);
    current = nextCard(deck(), progress, now);
    revealed = false;
    answer.replaceChildren();
    answer.hidden = true;
    rateGroup.hidden = true;
    if (!current) {
      card.hidden = true;
      const next = nextDueAfter(deck(), progress, now);
      const when = next ? ` The next card is due in ${formatInterval(now, next)} (${next.toLocaleString([], { weekday: 'short', hour: '2-digit', minute: '2-digit' })}).` : '';
      done.textContent = deck().length
        ? `Nothing more to study now: no card is due and today's new cards are done.${when} Choose more topics or raise the number of new cards a day to go on.`
        : 'No card is chosen: tick a topic or choose all questions.';
      done.hidden = false;
      if (focus) {
        done.focus();
        announce('Nothing more to study now.');
      }
      return;
    }
    done.hidden = true;
    const template = templates.get(current.entry.id)!;
    question.textContent = template.dataset.question ?? '';
    $('kb-card-topic').textContent = data.topics[current.entry.topic] ?? current.entry.topic;
    $('kb-card-reason').textContent = REASONS[current.reason];
    card.dataset.entry = current.entry.id;
    card.hidden = false;
    showButton.hidden = false;
    if (focus) question.focus();
  }

  async function reveal(): Promise<void> {
    if (!current || revealed) return;
    revealed = true;
    const shown = current;
    const now = new Date();
    const due = previewDue(recordOf(progress.cards, shown.entry.id), now);
    for (const button of rateGroup.querySelectorAll<HTMLButtonElement>('button[data-grade]')) {
      button.querySelector('[data-when]')!.textContent = formatInterval(now, due.get(Number(button.dataset.grade) as Grade)!);
    }
    showButton.hidden = true;
    answer.hidden = false;
    rateGroup.hidden = false;
    // Focus for screen readers, without scrolling: the question stays where the reader was looking.
    answer.focus({ preventScroll: true });
    if (!answers.has(shown.entry.topic)) {
      answer.setAttribute('aria-busy', 'true');
      answer.replaceChildren(paragraph('Loading the answer…'));
      try {
        await answers.load(shown.entry.topic);
      } catch {
        if (current !== shown) return;
        answer.removeAttribute('aria-busy');
        const link = Object.assign(document.createElement('a'), { href: `${root.dataset.base ?? '/'}q/${shown.entry.id}/`, textContent: 'its own page' });
        answer.replaceChildren(paragraph('The answer could not be loaded: this browser seems to be offline. Rate the card from memory, or read the answer on ', link, ' once online.'));
        return;
      }
      if (current !== shown) return;
      answer.removeAttribute('aria-busy');
    }
    answer.replaceChildren(templates.get(shown.entry.id)!.content.cloneNode(true));
    if (root.dataset.answers !== 'loaded') void loadDeckAnswers();
  }

  /**
   * The chosen cards' answers, the current card's topic first; the page says when all are in (studying offline
   * works). `first`: only the current card's, as the page opens; the rest once someone studies (an answer shown,
   * the settings changed), so a visit that only looks does not download and read every answer of the site.
   */
  async function loadDeckAnswers(first = false): Promise<void> {
    const topics = [...new Set([current?.entry.topic, ...(first ? [] : deck().map((e) => e.topic))].filter((t) => t !== undefined))];
    root.dataset.answers = 'loading';
    for (const topic of topics) {
      if (answers.has(topic)) continue;
      // One topic at a time, when the page is idle: reading a topic's answers is a long task on a phone.
      await new Promise((resolve) => ('requestIdleCallback' in window ? requestIdleCallback(resolve, { timeout: 2000 }) : setTimeout(resolve, 50)));
      await answers.load(topic).catch(() => undefined);
    }
    if (!first && topics.every((topic) => answers.has(topic))) root.dataset.answers = 'loaded';
  }

  /** The last rating, until the next: a wrong key is one press away, so it can be taken back. */
  let lastRating: { id: string; before: Progress['cards'][string] | undefined } | undefined;

  function rateCurrent(grade: Grade): void {
    if (!current || !revealed) return;
    const id = current.entry.id;
    const now = new Date();
    lastRating = { id, before: progress.cards[id] };
    change((p) => ({ ...p, cards: { ...p.cards, [id]: rate(recordOf(p.cards, id), grade, now) } }));
    const back = formatInterval(now, new Date(recordOf(progress.cards, id)!.card!.due));
    const label = RATINGS.find((r) => r.grade === grade)!.label;
    announce(`Rated ${label}: back in ${back}.`);
    $('kb-undo-rated').textContent = `Rated ${label}, back in ${back}.`;
    undo.hidden = false;
    showNext(true);
  }

  /** Puts the card rated last back as it was before, and shows it again. */
  function undoRating(): void {
    if (!lastRating) return;
    const { id, before } = lastRating;
    lastRating = undefined;
    change((p) => {
      const cards = { ...p.cards };
      if (before) cards[id] = before;
      else delete cards[id];
      return { ...p, cards };
    });
    undo.hidden = true;
    showNext(true);
    announce('Rating undone.');
  }

  const undo = $('kb-undo');
  undo.querySelector('button')!.addEventListener('click', undoRating);

  showButton.addEventListener('click', () => void reveal());
  rateGroup.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-grade]');
    if (button) rateCurrent(Number(button.dataset.grade) as Grade);
  });

  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || card.hidden) return;
    const target = event.target as HTMLElement;
    if (target.closest('input, textarea, select, [contenteditable="true"], dialog')) return;
    if (event.key === ' ' && !revealed) {
      // Space on a focused button or link activates that, as it should.
      if (target.closest('button, a, summary')) return;
      event.preventDefault();
      void reveal();
    } else if (revealed) {
      const choice = RATINGS.find((r) => r.key === event.key);
      if (choice) {
        event.preventDefault();
        rateCurrent(choice.grade);
      }
    }
  });

  form.addEventListener('change', (event) => {
    const input = event.target as HTMLInputElement;
    const checked = (name: string) => [...form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)].map((i) => i.value);
    change((p) => {
      const topics = checked('topic');
      // Ticking a topic means studying the chosen topics.
      const selection = (input.name === 'topic' ? 'topics' : (checked('selection')[0] ?? p.settings.selection)) as Selection;
      const limit = Number(form.querySelector<HTMLInputElement>('input[name="newPerDay"]')!.value);
      const newPerDay = Number.isInteger(limit) && limit >= 0 && limit <= 1000 ? limit : p.settings.newPerDay;
      return { ...p, settings: { selection, topics, newPerDay } };
    });
    fillSettings();
    showNext(false);
    announce(`${deck().length} cards chosen.`);
    void loadDeckAnswers();
  });

  $('kb-export').addEventListener('click', () => {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([exportProgress(progress)], { type: 'application/json' }));
    link.download = `study-progress-${new Date().toISOString().slice(0, 10)}.json`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    announce(`Progress exported: ${Object.keys(progress.cards).length} cards.`);
  });

  $<HTMLInputElement>('kb-import').addEventListener('change', async (event) => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const result = readProgress(await file.text());
    input.value = '';
    if (!result.ok) {
      announce(`${file.name} could not be imported: ${result.problem}. Your progress was not changed.`);
      reportProblem(`${file.name} could not be imported: ${result.problem}. Your progress was not changed.`);
      return;
    }
    progress = normalise(result.progress);
    saveProgress(localStorage, progress);
    lastRating = undefined;
    undo.hidden = true;
    $('kb-study-problem').hidden = true;
    fillSettings();
    showNext(false);
    announce(`Progress imported from ${file.name}: ${Object.keys(progress.cards).length} cards.`);
    void loadDeckAnswers();
  });

  fillSettings();
  showNext(false);
  root.dataset.ready = 'true';
  void loadDeckAnswers(true);
}

const paragraph = (...content: (string | Node)[]) => {
  const p = document.createElement('p');
  p.append(...content);
  return p;
};

/**
 * The answers of each topic's cards, fetched once from study/answers/<topic>/ (a page of templates, parsed inert:
 * nothing in it runs) and moved into the cards' own templates, so a card's answer is there from then on, offline too.
 */
function topicAnswers(base: string, templates: Map<string, HTMLTemplateElement>) {
  const loaded = new Set<string>();
  const loading = new Map<string, Promise<void>>();
  const load = (topic: string): Promise<void> => {
    let request = loading.get(topic);
    if (!request) {
      request = fetch(`${base}study/answers/${topic}/`)
        .then((response) => {
          if (!response.ok) throw new Error(`study/answers/${topic}/: ${response.status}`);
          return response.text();
        })
        .then((html) => {
          const page = new DOMParser().parseFromString(html, 'text/html');
          for (const source of page.querySelectorAll<HTMLTemplateElement>('template[data-entry]')) {
            templates.get(source.dataset.entry!)?.content.replaceChildren(document.importNode(source.content, true));
          }
          loaded.add(topic);
        });
      // A failed request (offline) is tried again the next time the topic is needed.
      request.catch(() => loading.delete(topic));
      loading.set(topic, request);
    }
    return request;
  };
  return { has: (topic: string) => loaded.has(topic), load };
}
