/** How long a write waits for a lock another process holds before giving up. */
export const BUSY_TIMEOUT_MS = 2_000;

export type StoreErrorKind = 'not-a-database' | 'corrupt' | 'read-only' | 'busy' | 'other';

/** A database problem the user can act on, naming the file: the CLI exits 1 with it, the server answers 503 for `busy`. */
export class StoreError extends Error {
  constructor(
    message: string,
    readonly kind: StoreErrorKind,
  ) {
    super(message);
  }
}

/** Turns a driver error into a StoreError that names the file and says what to do. */
export function storeError(file: string, e: unknown): StoreError {
  const code = (e as { code?: string })?.code ?? '';
  const msg = e instanceof Error ? e.message : String(e);
  if (code === 'SQLITE_NOTADB' || /not a database/i.test(msg))
    return new StoreError(`${file} is not an mlnav database (not SQLite): point --db at another file`, 'not-a-database');
  if (code.startsWith('SQLITE_CORRUPT') || /malformed|corrupt/i.test(msg))
    return new StoreError(`${file} is damaged (${msg}): restore it from a backup or remove it to start afresh`, 'corrupt');
  if (code.startsWith('SQLITE_READONLY') || /readonly|read-only/i.test(msg))
    return new StoreError(`${file} is read-only: reads work, but nothing can be written to it`, 'read-only');
  if (code.startsWith('SQLITE_BUSY') || /database is locked|busy/i.test(msg))
    return new StoreError(`${file} is locked by another process: try again in a moment`, 'busy');
  if (code === 'SQLITE_CANTOPEN' || code === 'EISDIR') return new StoreError(`cannot open ${file}: ${msg}`, 'other');
  return new StoreError(`${file}: ${msg}`, 'other');
}
