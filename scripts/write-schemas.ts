/**
 * `npm run schemas`: writes the JSON Schemas of the editors' JSON files (schemas/*.schema.json) from the zod
 * schemas the ingest checks them with, so an editor's text editor completes and checks the manifest, the
 * glossary (each names its schema in "$schema"). tests/schemas.test.ts fails when a
 * committed schema is not the one these write.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { GlossaryDataSchema, LAYOUTS, manifestSchemaFor } from './lib/index.ts';

export const SCHEMAS = { sources: manifestSchemaFor(LAYOUTS), glossary: GlossaryDataSchema };

/** The JSON Schema of one file, as committed: the input a file may hold, with the schema's own id. */
export const jsonSchema = (name: keyof typeof SCHEMAS) =>
  `${JSON.stringify({ ...z.toJSONSchema(SCHEMAS[name], { io: 'input', unrepresentable: 'any' }), $id: `${name}.schema.json` }, null, 2)}\n`;

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'schemas');
  mkdirSync(dir, { recursive: true });
  for (const name of Object.keys(SCHEMAS) as (keyof typeof SCHEMAS)[]) writeFileSync(join(dir, `${name}.schema.json`), jsonSchema(name));
}
