import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchema, SCHEMAS } from '../scripts/write-schemas.ts';
import { ROOT } from './helpers/fixtures.ts';

describe("the JSON Schemas of the editors' JSON files", () => {
  for (const name of Object.keys(SCHEMAS) as (keyof typeof SCHEMAS)[]) {
    it(`are committed as the ingest checks them: schemas/${name}.schema.json (npm run schemas writes it)`, () => {
      expect(readFileSync(join(ROOT, `schemas/${name}.schema.json`), 'utf8')).toBe(jsonSchema(name));
    });
  }

  it('are named by the files they describe, and refuse keys they do not know', () => {
    for (const [file, name] of [['sources/sources.json', 'sources'], ['sources/glossary.json', 'glossary']]) {
      expect(JSON.parse(readFileSync(join(ROOT, file!), 'utf8')).$schema).toBe(`../schemas/${name}.schema.json`);
    }
    const manifest = JSON.parse(jsonSchema('sources'));
    expect(manifest.properties.sources.items.additionalProperties).toBe(false);
  });
});
