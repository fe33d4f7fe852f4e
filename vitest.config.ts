import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two test files at a time: the unit tests keep both cores busy.
    maxWorkers: 2,
    projects: [
      // The site project comes first so that its global setup, which starts the site's build in the background,
      // runs before the unit project's: Vitest runs the projects' global setups one after the other.
      {
        test: {
          name: 'site',
          include: ['tests/site/**/*.test.ts'],
          exclude: ['tests/site/lighthouse.test.ts'],
          globalSetup: ['tests/setup/build-site.ts'],
          // Each file waits here for the build to end.
          setupFiles: ['tests/setup/site-built.ts'],
          // After the unit tests, which run while the site builds.
          sequence: { groupOrder: 1 },
          // A browser test's pages often wait (for the network to go idle, for search's debounce, for a fake
          // clock): three files at a time keep two cores busy.
          maxWorkers: 3,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/site/**'],
          // The whole pipeline on the real sources, once, for every file that reads it (tests/helpers/kb.ts).
          globalSetup: ['tests/setup/pipeline.ts'],
          // Test files share a worker's module graph: the ingest's modules load once, and its Markdown caches stay warm.
          isolate: false,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          // Lighthouse times the page's work on this machine's CPU: it runs alone, after the other projects
          // (a later group), on the site they built (one build per run, tests/setup/build-site.ts).
          name: 'lighthouse',
          include: ['tests/site/lighthouse.test.ts'],
          globalSetup: ['tests/setup/build-site.ts'],
          setupFiles: ['tests/setup/site-built.ts'],
          sequence: { groupOrder: 2 },
          testTimeout: 300_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
