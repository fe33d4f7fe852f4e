/**
 * The GitHub workflows, checked before they run on GitHub: a pull request that breaks the lock file or a
 * workflow fails here, not in the deploy.
 */
import { validateWorkflow } from '@action-validator/core';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/fixtures.ts';

const WORKFLOWS = join(ROOT, '.github/workflows');
const files = readdirSync(WORKFLOWS).filter((name) => name.endsWith('.yml'));
const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

interface Step {
  run?: string;
  uses?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}
function steps(file: string): Step[] {
  const workflow = parse(readFileSync(join(WORKFLOWS, file), 'utf8'));
  return Object.values(workflow.jobs as Record<string, { steps?: Step[] }>).flatMap((job) => job.steps ?? []);
}

describe('GitHub workflows', () => {
  it('finds both workflows', () => {
    expect(files.sort()).toEqual(['deploy.yml', 'test.yml']);
  });

  it.each(files)('%s is valid against GitHub’s workflow schema', (file) => {
    const { errors } = validateWorkflow(readFileSync(join(WORKFLOWS, file), 'utf8'));
    expect(errors).toEqual([]);
  });

  it('the schema check rejects a misspelt key', () => {
    const broken = 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    step:\n      - run: npm ci\n';
    expect(validateWorkflow(broken).errors.length).toBeGreaterThan(0);
  });

  it.each(files)('%s installs with npm ci and runs only npm scripts that exist', (file) => {
    const runs = steps(file).flatMap((step) => (step.run ? [step.run.trim()] : []));
    expect(runs[0]).toBe('npm ci');
    for (const run of runs.slice(1)) {
      const script = /^npm (?:run )?(\S+)$/.exec(run)?.[1];
      expect(script, `"${run}" is not an npm script`).toBeDefined();
      expect(Object.keys(packageJson.scripts)).toContain(script);
    }
  });

  it('takes Node from .nvmrc, which satisfies the engines field', () => {
    const nvmrc = readFileSync(join(ROOT, '.nvmrc'), 'utf8').trim();
    const required = /^>=(\d+)\.(\d+)/.exec(packageJson.engines.node)!;
    expect(Number(nvmrc)).toBeGreaterThanOrEqual(Number(required[1]));
    for (const file of files) {
      const setup = steps(file).find((step) => step.uses?.startsWith('actions/setup-node'));
      expect(setup?.with?.['node-version-file']).toBe('.nvmrc');
    }
  });

  it('the deploy builds with the site URL and base path the Astro config reads', () => {
    const build = steps('deploy.yml').find((step) => step.run === 'npm run build')!;
    expect(Object.keys(build.env ?? {}).sort()).toEqual(['BASE_PATH', 'SITE_URL']);
    const config = readFileSync(join(ROOT, 'astro.config.mjs'), 'utf8');
    expect(config).toContain('process.env.SITE_URL');
    expect(config).toContain('process.env.BASE_PATH');
  });
});

describe('the lock file', () => {
  it('is in sync with package.json, so `npm ci` installs (every platform’s optional packages locked)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-npm-ci-'));
    try {
      copyFileSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
      copyFileSync(join(ROOT, 'package-lock.json'), join(dir, 'package-lock.json'));
      // npm ci checks the lock against package.json before it installs anything; --dry-run stops there.
      const run = () => execFileSync('npm', ['ci', '--dry-run', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'pipe', encoding: 'utf8' });
      expect(run).not.toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('locks each platform binding at the version its parent asks for', () => {
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));
    const packages = lock.packages as Record<string, { version?: string; optionalDependencies?: Record<string, string> }>;
    const missing: string[] = [];
    for (const [path, pkg] of Object.entries(packages)) {
      for (const [name, range] of Object.entries(pkg.optionalDependencies ?? {})) {
        // npm looks for a dependency next to its parent, then in each enclosing node_modules.
        const parts = path.split('node_modules/').filter(Boolean);
        const candidates = parts.map((_, i) => `node_modules/${[...parts.slice(0, parts.length - i), name].join('/node_modules/')}`);
        candidates.push(`node_modules/${name}`);
        const locked = candidates.map((candidate) => packages[candidate]).find(Boolean);
        if (!locked || (/^\d+\.\d+\.\d+$/.test(range) && locked.version !== range)) missing.push(`${name}@${range} (for ${path || 'the project'})`);
      }
    }
    expect(missing).toEqual([]);
  });
});
