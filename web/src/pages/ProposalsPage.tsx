import { useEffect, useState } from 'preact/hooks';
import { href } from '../lib/route';
import { canEdit, getJsonApi, send, useSession } from '../lib/session';
import { forgetCatalogue, type WebCatalogue } from '../lib/data';

interface Proposal {
  id: number;
  kind: 'new-tool' | 'change-tool' | 'move-blip';
  state: 'open' | 'approved' | 'rejected';
  author: string;
  reason: string;
  payload: Record<string, unknown>;
  createdAt: string;
  votes: { up: number; down: number; by: Record<string, 1 | -1> };
  review?: { by: string; decision: string; comment: string; at: string };
  preview?: {
    fields?: Array<{ field: string; from: unknown; to: unknown }>;
    placement?: { before?: { quadrant: string; x: number; y: number }; after: { quadrant: string; x: number; y: number } };
    problems?: Array<{ field: string; message: string }>;
  };
}

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** For a reviewer: each field from and to, where the tool would move, or why it no longer applies. */
function Preview({ p, quadrant }: { p: Proposal; quadrant: (id: string) => string }) {
  const pv = p.preview;
  if (!pv) return null;
  if (pv.problems) return <p role="note">No longer applies: {pv.problems.map((x) => `${x.field}: ${x.message}`).join('; ')}</p>;
  const pl = pv.placement;
  return (
    <div class="preview small">
      {!!pv.fields?.length && (
        <dl class="change">
          {pv.fields.map((f) => (
            <div key={f.field}>
              <dt>{f.field}</dt>
              <dd>
                <del>{show(f.from)}</del>
              </dd>
              <dd>
                <ins>{show(f.to)}</ins>
              </dd>
            </div>
          ))}
        </dl>
      )}
      {pl && (
        <p>
          Placement: {pl.before ? `${quadrant(pl.before.quadrant)} (${pl.before.x}, ${pl.before.y}) → ` : ''}
          {quadrant(pl.after.quadrant)} ({pl.after.x}, {pl.after.y}){pl.before && pl.before.quadrant === pl.after.quadrant ? ', same quadrant' : ''}
        </p>
      )}
    </div>
  );
}

function What({ p }: { p: Proposal }) {
  const pl = p.payload as { tool?: unknown; changes?: Record<string, unknown>; radar?: string; blip?: string; ring?: string };
  if (p.kind === 'change-tool')
    return (
      <>
        Change <a href={href(`/tools/${String(pl.tool)}`)}>{String(pl.tool)}</a>: {Object.keys(pl.changes ?? {}).join(', ') || 'nothing'}
        {!p.preview && <pre class="small">{JSON.stringify(pl.changes, null, 2)}</pre>}
      </>
    );
  if (p.kind === 'new-tool') return <>Add the tool {String((pl.tool as { name?: string })?.name ?? '')}</>;
  return (
    <>
      Move <strong>{pl.blip}</strong> to {pl.ring} on <a href={href(`/radars/${encodeURIComponent(pl.radar ?? '')}`)}>{pl.radar}</a>
    </>
  );
}

interface Overlay {
  conflicts: Array<{ tool: string; updatedBy: string; updatedAt: string }>;
}

/** For editors: tools the organisation changed whose base has changed since (a new release of the bundled data). */
function Conflicts() {
  const [o, setO] = useState<Overlay | null>(null);
  useEffect(() => {
    getJsonApi<Overlay>('api/overlay').then(setO, () => setO(null));
  }, []);
  if (!o?.conflicts.length) return null;
  return (
    <section class="notice" aria-labelledby="conflicts-h">
      <h2 id="conflicts-h">Changed upstream since your change</h2>
      <p>A new release of the catalogue changed these tools after your organisation changed them. Your version is kept; compare and propose again if needed.</p>
      <ul>
        {o.conflicts.map((c) => (
          <li key={c.tool}>
            <a href={href(`/tools/${c.tool}`)}>{c.tool}</a>: changed by {c.updatedBy} on {c.updatedAt.slice(0, 10)}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The review queue: open proposals with their reasons and votes; editors approve or reject with a comment. */
export function ProposalsPage({ params, cat }: { params: URLSearchParams; cat: WebCatalogue | null }) {
  const session = useSession();
  const state = params.get('state') ?? 'open';
  const [list, setList] = useState<Proposal[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<Record<number, string>>({});
  const [tick, setTick] = useState(0);
  useEffect(() => {
    getJsonApi<Proposal[]>(`api/proposals?state=${state}`).then(setList, (e: Error) => setError(e.message));
  }, [state, tick]);
  if (error) return <p role="alert">{error}</p>;
  if (!list) return <p aria-busy="true">Loading proposals…</p>;
  const act = (id: number, run: () => Promise<unknown>) =>
    run()
      .then(() => setTick((t) => t + 1))
      .catch((e: Error) => setProblem((p) => ({ ...p, [id]: e.message })));
  return (
    <section aria-labelledby="proposals-title">
      <h1 id="proposals-title">Proposals</h1>
      {canEdit(session) && <Conflicts />}
      <nav class="group tabs" aria-label="Proposal state">
        {['open', 'approved', 'rejected'].map((s) => (
          <a key={s} href={href('/proposals', { state: s })} aria-current={s === state ? 'page' : undefined}>
            {s}
          </a>
        ))}
      </nav>
      {!list.length && <p class="muted">No {state} proposals.</p>}
      <ol class="proposals">
        {list.map((p) => (
          <li key={p.id} data-proposal-id={p.id} class="proposal">
            <p>
              <strong>#{p.id}</strong> <What p={p} />
            </p>
            <Preview p={p} quadrant={(id) => cat?.taxonomy.quadrants.find((q) => q.id === id)?.name ?? id} />
            <p>
              “{p.reason}” — {p.author}, {p.createdAt.slice(0, 10)} · {p.votes.up} for, {p.votes.down} against
            </p>
            {p.review && (
              <p class="muted">
                {p.review.decision === 'approve' ? 'Approved' : 'Rejected'} by {p.review.by} on {p.review.at.slice(0, 10)}: {p.review.comment}
              </p>
            )}
            {p.state === 'open' && session.user && (
              <div class="actions">
                <button type="button" onClick={() => act(p.id, () => send('POST', `api/proposals/${p.id}/vote`, { vote: 'up' }))}>
                  Vote for
                </button>
                <button type="button" onClick={() => act(p.id, () => send('POST', `api/proposals/${p.id}/vote`, { vote: 'down' }))}>
                  Vote against
                </button>
              </div>
            )}
            {p.state === 'open' && canEdit(session) && (
              <form
                class="review"
                onSubmit={(e) => {
                  e.preventDefault();
                  const form = e.currentTarget as HTMLFormElement;
                  const f = new FormData(form);
                  const decision = (e as SubmitEvent).submitter?.getAttribute('value') ?? 'approve';
                  act(p.id, () =>
                    send('POST', `api/proposals/${p.id}/review`, { decision, comment: String(f.get('comment') ?? '') }).then(
                      () => decision === 'approve' && forgetCatalogue(),
                    ),
                  );
                }}
              >
                <label class="filter wide">
                  <span>Comment</span>
                  <input name="comment" aria-label={`Comment on proposal ${p.id}`} />
                </label>
                <button type="submit" name="decision" value="approve">
                  Approve
                </button>
                <button type="submit" name="decision" value="reject">
                  Reject
                </button>
              </form>
            )}
            {problem[p.id] && <p role="alert">{problem[p.id]}</p>}
          </li>
        ))}
      </ol>
      {!session.user && (
        <p class="muted">
          <a href={href('/signin', { next: '/proposals' })}>Sign in</a> to vote, propose or review.
        </p>
      )}
    </section>
  );
}
