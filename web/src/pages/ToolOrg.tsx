import { useEffect, useState } from 'preact/hooks';
import { href } from '../lib/route';
import { getJsonApi, send, useSession } from '../lib/session';
import { serverAvailable } from '../lib/api';

interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  reason?: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

/** What an approved change changed: the top-level fields whose values differ. */
const changed = (e: AuditEntry) =>
  Object.keys({ ...(e.before ?? {}), ...(e.after ?? {}) }).filter((k) => JSON.stringify(e.before?.[k]) !== JSON.stringify(e.after?.[k]));

/** The tool's history (every approved change: who, when, why, what) and a form to propose a change. */
export function ToolOrg({ id, tool }: { id: string; tool: { description: string; license: string; homepage: string } }) {
  const session = useSession();
  const [history, setHistory] = useState<AuditEntry[] | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // Only a server with a database keeps history and takes proposals.
  const on = serverAvailable() && session.accounts === true;
  useEffect(() => {
    if (on) getJsonApi<AuditEntry[]>(`api/tools/${encodeURIComponent(id)}/history`).then(setHistory, () => setHistory([]));
  }, [id, on]);
  if (!on) return null;
  return (
    <>
      <section aria-labelledby="history">
        <h2 id="history">History</h2>
        {history && !history.length && <p class="muted">No changes by your organisation: this is the catalogue’s entry.</p>}
        <ol class="history" data-testid="history">
          {(history ?? []).map((e) => (
            <li key={e.id}>
              {e.at.slice(0, 16).replace('T', ' ')}: <strong>{e.actor}</strong>{' '}
              {e.action === 'tool.add' ? 'added the tool' : `changed ${changed(e).join(', ')}`}
              {e.reason && <> — “{e.reason}”</>}
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="propose">
        <h2 id="propose">Propose a change</h2>
        {!session.user ? (
          <p class="muted">
            <a href={href('/signin', { next: `/tools/${id}` })}>Sign in</a> to propose a change; an editor reviews it.
          </p>
        ) : (
          <form
            class="propose"
            onSubmit={(e) => {
              e.preventDefault();
              const f = new FormData(e.currentTarget as HTMLFormElement);
              const field = String(f.get('field'));
              setProblem(null);
              send<{ id: number; placement?: { before?: { quadrant: string }; after: { quadrant: string } } }>('POST', 'api/proposals', {
                kind: 'change-tool',
                tool: id,
                changes: { [field]: String(f.get('value') ?? '') },
                reason: String(f.get('reason') ?? ''),
              })
                .then((p) =>
                  setSent(
                    `Proposal #${p.id} is waiting for review.${p.placement && p.placement.before?.quadrant !== p.placement.after.quadrant ? ` It would move the tool to ${p.placement.after.quadrant}.` : ''}`,
                  ),
                )
                .catch((err: Error) => setProblem(err.message));
            }}
          >
            <label class="filter">
              <span>Field</span>
              <select name="field">
                <option value="description">Description</option>
                <option value="license">Licence (SPDX)</option>
                <option value="homepage">Homepage</option>
              </select>
            </label>
            <label class="filter wide">
              <span>New value</span>
              <input name="value" required defaultValue={tool.description} />
            </label>
            <label class="filter wide">
              <span>Why</span>
              <input name="reason" required minLength={3} />
            </label>
            {problem && <p role="alert">{problem}</p>}
            {sent && (
              <p role="status">
                {sent} <a href={href('/proposals')}>Proposals</a>
              </p>
            )}
            <button type="submit">Propose</button>
          </form>
        )}
      </section>
    </>
  );
}
