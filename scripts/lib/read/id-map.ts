/** The committed id map (sources/entry-ids.json): the lasting ids of entries, written by the ingest, read back next run. */
import { z } from 'zod';

export const IdMapSchema = z.object({
  $comment: z.string().optional(),
  /** id → the question instances ("source:line:wording") the entry held when the id was last written. */
  entries: z.record(z.string(), z.array(z.string())),
  /** retired id → the id that replaced it (after a merge or rename). */
  aliases: z.record(z.string(), z.string()),
});
export type IdMap = z.infer<typeof IdMapSchema>;

export const EMPTY_ID_MAP: IdMap = { entries: {}, aliases: {} };
