import { useEffect, useState } from 'preact/hooks';
import { serverAvailable } from './api';

/** Who is signed in to the web app, and the CSRF token their writes carry. */
export interface Session {
  user: { name: string; role: 'viewer' | 'editor' | 'admin' } | null;
  csrf?: string;
  /** False when the server has no database (no accounts, radars or proposals); unknown until asked. */
  accounts?: boolean;
}

let current: Session = { user: null, accounts: serverAvailable() ? undefined : false };
const listeners = new Set<(s: Session) => void>();
const set = (s: Session) => {
  current = s;
  for (const l of listeners) l(s);
};

let loaded: Promise<Session> | undefined;
/** The session, asked of the server once (a static export has none). */
export function loadSession(): Promise<Session> {
  if (!serverAvailable()) return Promise.resolve(current);
  return (loaded ??= fetch('api/session', { headers: { Accept: 'application/json' } })
    .then((r) => (r.ok ? (r.json() as Promise<Session>) : { user: null, accounts: false }))
    .catch(() => ({ user: null, accounts: false }))
    .then((s) => (set(s), s)));
}

export function useSession(): Session {
  const [s, setS] = useState(current);
  useEffect(() => {
    listeners.add(setS);
    void loadSession().then(setS);
    return () => void listeners.delete(setS);
  }, []);
  return s;
}

export const canEdit = (s: Session) => s.user?.role === 'editor' || s.user?.role === 'admin';

export async function signIn(name: string, password: string): Promise<void> {
  const res = await fetch('api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name, password }) });
  const data = (await res.json()) as Session & { error?: { message: string } };
  if (!res.ok) throw new Error(data.error?.message ?? `${res.status}`);
  const signed = { ...data, accounts: true };
  loaded = Promise.resolve(signed);
  set(signed);
}

export async function signOut(): Promise<void> {
  await fetch('api/session', { method: 'DELETE' });
  loaded = Promise.resolve({ user: null, accounts: true });
  set({ user: null, accounts: true });
}

/** An API error with the server's message and the request field it names. */
export class ApiFailure extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly parameter?: string,
  ) {
    super(message);
  }
}

/** A write through the API with the session's CSRF token; the server's error message is thrown as an ApiFailure. */
export async function send<T>(method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    headers: {
      Accept: 'application/json',
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(current.csrf ? { 'X-CSRF-Token': current.csrf } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 204) return undefined as T;
  const data = (await res.json().catch(() => ({}))) as T & { error?: { message: string; parameter?: string } };
  if (!res.ok) throw new ApiFailure(data.error?.message ?? `${res.status} ${res.statusText}`, res.status, data.error?.parameter);
  return data;
}

export async function getJsonApi<T>(path: string): Promise<T> {
  const res = await fetch(path, { headers: { Accept: 'application/json' } });
  const data = (await res.json().catch(() => ({}))) as T & { error?: { message: string } };
  if (!res.ok) throw new ApiFailure(data.error?.message ?? `${res.status} ${res.statusText}`, res.status);
  return data;
}
