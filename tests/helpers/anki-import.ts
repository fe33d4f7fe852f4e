/**
 * Reads an Anki text-import file the way Anki's importer does (rslib/src/import_export/text/csv: metadata.rs
 * and import.rs), so a test sees the notes Anki would create: the `#key:value` header lines at the top set the
 * separator, HTML, note type, columns and which columns hold the GUID, deck and tags; then every line that is
 * not a comment is a record, read by a CSV reader with `"` quoting (`""` inside a quoted field), flexible field
 * counts and `#` as the comment character.
 */
export interface AnkiHeaders {
  separator?: string;
  html?: boolean;
  notetype?: string;
  columns?: string[];
  guidColumn?: number;
  deckColumn?: number;
  tagsColumn?: number;
}

export interface AnkiNote {
  guid: string;
  deck: string;
  /** The note's fields by column label (or by column number when no labels), less the GUID, deck and tags. */
  fields: Record<string, string>;
  tags: string[];
}

const SEPARATORS: Record<string, string> = { comma: ',', semicolon: ';', tab: '\t', space: ' ', pipe: '|', colon: ':' };

export function readAnkiHeaders(text: string): { headers: AnkiHeaders; bodyStart: number } {
  const headers: AnkiHeaders = {};
  let offset = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith('#')) break;
    offset += line.length + 1;
    const colon = line.indexOf(':');
    if (colon === -1) continue;
    const key = line.slice(1, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).replace(/\r$/, '');
    if (key === 'separator') headers.separator = SEPARATORS[value.trim().toLowerCase()] ?? (value.length === 1 ? value : undefined);
    else if (key === 'html') headers.html = value.toLowerCase() === 'true' ? true : value.toLowerCase() === 'false' ? false : undefined;
    else if (key === 'notetype') headers.notetype = value;
    else if (key === 'columns') headers.columns = readRecords(value, headers.separator ?? ',')[0];
    else if (key === 'guid column') headers.guidColumn = Number(value.trim());
    else if (key === 'deck column') headers.deckColumn = Number(value.trim());
    else if (key === 'tags column') headers.tagsColumn = Number(value.trim());
  }
  return { headers, bodyStart: offset };
}

/** CSV records: quoted fields may hold the separator, quotes (doubled) and line breaks; `#` lines are comments. */
export function readRecords(text: string, separator: string): string[][] {
  const records: string[][] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === '#') {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end + 1;
      continue;
    }
    if (text[i] === '\n' || text[i] === '\r') {
      i += 1;
      continue;
    }
    const record: string[] = [];
    for (;;) {
      let value = '';
      if (text[i] === '"') {
        i += 1;
        for (;;) {
          if (i >= text.length) throw new Error('unterminated quoted field');
          if (text[i] === '"') {
            if (text[i + 1] === '"') {
              value += '"';
              i += 2;
              continue;
            }
            i += 1;
            break;
          }
          value += text[i];
          i += 1;
        }
        // Anything after the closing quote up to the separator is kept, as the csv crate does.
        while (i < text.length && text[i] !== separator && text[i] !== '\n' && text[i] !== '\r') value += text[i++];
      } else {
        while (i < text.length && text[i] !== separator && text[i] !== '\n' && text[i] !== '\r') value += text[i++];
      }
      record.push(value);
      if (text[i] === separator) {
        i += 1;
        continue;
      }
      break;
    }
    records.push(record);
  }
  return records;
}

/** The notes Anki would import from the file. */
export function readAnkiFile(text: string): { headers: AnkiHeaders; notes: AnkiNote[] } {
  const { headers, bodyStart } = readAnkiHeaders(text);
  const records = readRecords(text.slice(bodyStart), headers.separator ?? '\t');
  const special = new Set([headers.guidColumn, headers.deckColumn, headers.tagsColumn]);
  const notes = records.map((record): AnkiNote => {
    const at = (column: number | undefined) => (column ? (record[column - 1] ?? '') : '');
    const fields: Record<string, string> = {};
    record.forEach((value, i) => {
      if (!special.has(i + 1)) fields[headers.columns?.[i] || String(i + 1)] = value;
    });
    return { guid: at(headers.guidColumn), deck: at(headers.deckColumn), fields, tags: at(headers.tagsColumn).split(/\s+/).filter(Boolean) };
  });
  return { headers, notes };
}
