/**
 * A strict RFC 4180 reader for the tests: CRLF between records, quoted fields may hold commas,
 * doubled quotes and line breaks; anything else malformed throws.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let index = 0;
  let quoted = false;
  while (index < text.length) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 2;
      } else if (char === '"') {
        quoted = false;
        index += 1;
        if (index < text.length && text[index] !== ',' && text[index] !== '\r') throw new Error(`text after a closing quote at ${index}`);
      } else {
        field += char;
        index += 1;
      }
      continue;
    }
    if (char === '"') {
      if (field !== '') throw new Error(`quote inside an unquoted field at ${index}`);
      quoted = true;
      index += 1;
    } else if (char === ',') {
      row.push(field);
      field = '';
      index += 1;
    } else if (char === '\r') {
      if (text[index + 1] !== '\n') throw new Error(`CR without LF at ${index}`);
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      index += 2;
    } else if (char === '\n') {
      throw new Error(`bare LF at ${index}`);
    } else {
      field += char;
      index += 1;
    }
  }
  if (quoted) throw new Error('unterminated quote');
  if (field !== '' || row.length) throw new Error('last record without CRLF');
  return rows;
}
