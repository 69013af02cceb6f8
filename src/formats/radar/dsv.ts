/**
 * CSV as Build-Your-Own-Radar reads it (d3-dsv's csvParse): a field that starts with a quote runs to the
 * closing quote ("" inside is one quote); any other field runs to the next comma or line end, and quotes
 * in it are plain characters (`He said "hi"` is one field, as BYOR shows it). CRLF, CR and LF all end a
 * row. Unlike d3-dsv, a byte-order mark is dropped, and a quote that is never closed is an error naming
 * the line it opened on (d3-dsv would swallow the rest of the file into one cell).
 */
export interface CsvRecord {
  /** The line (1-based) the record starts on. */
  line: number;
  cells: string[];
}

export type CsvResult = { records: CsvRecord[] } | { error: { line: number; message: string } };

const QUOTE = 34,
  COMMA = 44,
  LF = 10,
  CR = 13;

export function parseCsv(input: string): CsvResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  let N = text.length;
  if (text.charCodeAt(N - 1) === LF) --N;
  if (text.charCodeAt(N - 1) === CR) --N;
  const records: CsvRecord[] = [];
  let I = 0;
  let line = 1;
  let eof = N <= 0;
  let eol = false;
  const countLines = (from: number, to: number) => {
    for (let k = from; k < to; k++) {
      const c = text.charCodeAt(k);
      if (c === LF || (c === CR && text.charCodeAt(k + 1) !== LF)) line++;
    }
  };
  const EOF = {},
    EOL = {};
  let error: { line: number; message: string } | undefined;

  const token = (): string | object => {
    if (eof) return EOF;
    if (eol) return ((eol = false), EOL);
    const j = I;
    if (text.charCodeAt(j) === QUOTE) {
      const opened = line;
      while ((I++ < N && text.charCodeAt(I) !== QUOTE) || text.charCodeAt(++I) === QUOTE);
      if (I > N) {
        error = { line: opened, message: `a quoted field opened on line ${opened} is never closed` };
        eof = true;
        return EOF;
      }
      const i = I;
      let c: number;
      if (i >= N) eof = true;
      else if ((c = text.charCodeAt(I++)) === LF) eol = true;
      else if (c === CR) {
        eol = true;
        if (text.charCodeAt(I) === LF) ++I;
      }
      countLines(j, I);
      return text.slice(j + 1, i - 1).replace(/""/g, '"');
    }
    while (I < N) {
      const i = I++;
      const c = text.charCodeAt(i);
      if (c === LF) eol = true;
      else if (c === CR) {
        eol = true;
        if (text.charCodeAt(I) === LF) ++I;
      } else if (c !== COMMA) continue;
      countLines(j, I);
      return text.slice(j, i);
    }
    eof = true;
    return text.slice(j, N);
  };

  let t: string | object;
  let start = line;
  while ((t = token()) !== EOF) {
    const cells: string[] = [];
    while (t !== EOL && t !== EOF) {
      cells.push(t as string);
      t = token();
    }
    if (error) return { error };
    records.push({ line: start, cells });
    start = line;
  }
  if (error) return { error };
  return { records };
}
