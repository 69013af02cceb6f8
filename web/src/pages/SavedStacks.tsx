import { useEffect, useState } from 'preact/hooks';
import { ApiFailure, canEdit, getJsonApi, send, useSession } from '../lib/session';

interface Saved {
  id: string;
  name: string;
  savedAt: string;
}
interface Revision {
  revision: number;
  name: string;
  savedAt: string;
  savedBy?: string;
}
interface StackDoc {
  name: string;
  teams: Array<{ name: string; persona: string; tools: string[] }>;
  needs?: string[];
  targetLevel?: number;
}

/**
 * The organisation's saved stacks beside the builder: open one, save the current one (editors; a name whose id
 * is taken is refused, and can be saved as a new revision of that stack instead), and a stack's revisions.
 */
export function SavedStacks({ current, savedId, onOpen }: { current: StackDoc; savedId: string | null; onOpen: (id: string, stack: StackDoc) => void }) {
  const session = useSession();
  const [list, setList] = useState<Saved[]>([]);
  const [history, setHistory] = useState<Revision[]>([]);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<{ message: string; taken?: string } | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (session.accounts) getJsonApi<Saved[]>('api/stacks').then(setList, () => setList([]));
  }, [session.accounts, tick]);
  useEffect(() => {
    if (savedId) getJsonApi<Revision[]>(`api/stacks/${encodeURIComponent(savedId)}/history`).then(setHistory, () => setHistory([]));
    else setHistory([]);
  }, [savedId, tick]);
  if (!session.accounts) return null;
  const save = (mode: 'create' | 'update', id?: string) =>
    (mode === 'create'
      ? send<{ id: string }>('POST', 'api/stacks', { ...current, name })
      : send<{ id: string }>('PUT', `api/stacks/${encodeURIComponent(id!)}`, { ...current, name: name || current.name })
    )
      .then((r) => {
        setProblem(null);
        setTick((t) => t + 1);
        onOpen(r.id, { ...current, name: name || current.name });
      })
      .catch((e: unknown) => {
        const m = e instanceof Error ? e.message : String(e);
        const taken = e instanceof ApiFailure && e.status === 409 ? /"([^"]+)"/.exec(m)?.[1] : undefined;
        setProblem({ message: m, taken });
      });
  return (
    <section class="saved-stacks" aria-labelledby="saved-h">
      <h2 id="saved-h">Saved stacks</h2>
      {list.length ? (
        <ul class="chips">
          {list.map((s) => (
            <li key={s.id}>
              <button
                type="button"
                class="link"
                aria-current={s.id === savedId ? 'true' : undefined}
                onClick={() => void getJsonApi<{ stack: StackDoc }>(`api/stacks/${encodeURIComponent(s.id)}`).then((r) => onOpen(s.id, r.stack))}
              >
                {s.name}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">None saved yet.</p>
      )}
      {canEdit(session) && (
        <form
          class="save-stack"
          onSubmit={(e) => {
            e.preventDefault();
            void save('create');
          }}
        >
          <label class="filter">
            <span>Save as</span>
            <input required value={name} onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)} placeholder="e.g. Data platform, 2026" />
          </label>
          <button type="submit">Save stack</button>
          {savedId && (
            <button type="button" onClick={() => void save('update', savedId)}>
              Save as a new revision of the open stack
            </button>
          )}
        </form>
      )}
      {problem && (
        <p role="alert">
          {problem.message}{' '}
          {problem.taken && (
            <button type="button" class="link" onClick={() => void save('update', problem.taken)}>
              Save as a new revision of “{problem.taken}”
            </button>
          )}
        </p>
      )}
      {history.length > 0 && (
        <ol class="history small" aria-label="Revisions of the open stack">
          {history.map((h) => (
            <li key={h.revision}>
              Revision {h.revision}: {h.savedAt.slice(0, 16).replace('T', ' ')}
              {h.savedBy ? ` by ${h.savedBy}` : ''}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
