import { useEffect, useMemo, useState } from 'preact/hooks';
import { renderLandscapeSvg } from '../../../src/core/render/landscape';
import { coverageColour, layoutLifecycle, renderLifecycleSvg } from '../../../src/core/render/lifecycle';
import type { StackAnalysis } from '../../../src/core/stack/analyze';
import { adviceText, gapText, interlockText, maturityText, namesFrom, noteText, requirementText } from '../../../src/wording/en';
import type { WebCatalogue } from '../lib/data';
import { postJson, serverAvailable } from '../lib/api';
import { href } from '../lib/route';
import { findTool } from '../lib/find-tool';
import { SavedStacks } from './SavedStacks';

interface Team {
  name: string;
  persona: string;
  tools: string[];
}

const COLOURS = ['#d1495b', '#2f6db5', '#2e8a4a', '#b5832f', '#6b4fb3', '#00798c'];

/** Teams live in the URL: `teams=Research~researcher~mlflow.optuna|Platform~engineer~kubernetes`; personas are the taxonomy's. */
export function teamsFrom(params: URLSearchParams, personas: readonly string[], loops: readonly string[]): Team[] {
  const raw = params.get('teams');
  const [first = personas[0]!, second = personas[1] ?? personas[0]!] = loops;
  if (!raw)
    return [
      { name: 'Research', persona: first, tools: [] },
      { name: 'Platform', persona: second, tools: [] },
    ];
  return raw.split('|').map((t) => {
    const [name = 'Team', persona = second, tools = ''] = t.split('~');
    return { name, persona: personas.includes(persona) ? persona : second, tools: tools.split('.').filter(Boolean) };
  });
}

/** Personas in the URL that teamsFrom could not read (it shows those teams with the second loop's persona, and says so). */
function unknownPersonas(params: URLSearchParams, personas: readonly string[]): string[] {
  return (params.get('teams') ?? '')
    .split('|')
    .map((t) => t.split('~')[1] ?? '')
    .filter((p) => p !== '' && !personas.includes(p));
}

function teamsParam(teams: Team[]): string {
  return teams.map((t) => [t.name.replace(/[~|]/g, ' '), t.persona, t.tools.join('.')].join('~')).join('|');
}

/** Build a stack team by team; see its level, gaps (with why), coverage, footprints; take the gaps to the recommender. */
export function StackPage({ cat, params }: { cat: WebCatalogue; params: URLSearchParams }) {
  const personas = useMemo(() => cat.taxonomy.personas.map((p) => p.id), [cat]);
  const loopPersonas = useMemo(() => cat.taxonomy.loops.map((l) => l.persona), [cat]);
  const teams = useMemo(() => teamsFrom(params, personas, loopPersonas), [params, personas, loopPersonas]);
  const byId = useMemo(() => new Map(cat.tools.map((t) => [t.id, t])), [cat]);
  const [analysis, setAnalysis] = useState<StackAnalysis | null>(null);
  const n = useMemo(() => {
    const own = new Map((analysis?.tools ?? []).map((t) => [t.id, t.name]));
    return namesFrom(cat.taxonomy, (id) => own.get(id) ?? byId.get(id)?.name);
  }, [cat, analysis, byId]);
  const model = cat.taxonomy.maturityModels[0];
  const [error, setError] = useState<string | null>(null);
  const [pick, setPick] = useState<string[]>(teams.map(() => ''));
  const [notFound, setNotFound] = useState('');
  const badPersonas = unknownPersonas(params, personas);
  const needs = useMemo(() => (params.get('needs') ?? '').split('.').filter(Boolean), [params]);
  const targetRaw = params.get('target');
  const target = targetRaw !== null && /^\d+$/.test(targetRaw) && model && Number(targetRaw) < model.levels.length ? Number(targetRaw) : undefined;
  const savedId = params.get('saved');
  const set = (next: { teams?: Team[]; needs?: string[]; target?: number | undefined; saved?: string | null }) => {
    const p: Record<string, string> = { teams: teamsParam(next.teams ?? teams) };
    const sv = 'saved' in next ? next.saved : savedId;
    if (sv) p.saved = sv;
    const nd = next.needs ?? needs;
    if (nd.length) p.needs = nd.join('.');
    const tg = 'target' in next ? next.target : target;
    if (tg !== undefined) p.target = String(tg);
    location.hash = href('/stack', p);
  };
  const setTeams = (next: Team[]) => set({ teams: next });
  const live = serverAvailable();

  useEffect(() => {
    if (!live || !teams.some((t) => t.tools.length)) return setAnalysis(null);
    const body = { name: 'My stack', teams, needs, ...(target !== undefined ? { targetLevel: target } : {}) };
    postJson<StackAnalysis>('api/stacks/analyze', body).then(
      (a) => (setAnalysis(a), setError(null)),
      (e: Error) => setError(e.message),
    );
  }, [live, teams, needs, target]);

  const mapSvg = useMemo(() => {
    if (!analysis) return '';
    const ids = new Set(analysis.tools.map((t) => t.id));
    const layout = { ...cat.map, marks: cat.map.marks.map((m) => ({ ...m, highlighted: ids.has(m.id) })) };
    const footprints = analysis.footprints.map((f, i) => ({
      label: `${f.team} (${n.persona(f.persona)})`,
      points: f.hull,
      centroid: f.centroid,
      color: COLOURS[i % COLOURS.length]!,
    }));
    return renderLandscapeSvg(layout, { footprints });
  }, [analysis, cat, n]);
  const loopsSvg = useMemo(
    () => (analysis ? renderLifecycleSvg(layoutLifecycle(cat.taxonomy, Object.fromEntries(analysis.stages.map((s) => [s.stage, s.tools.length])))) : ''),
    [analysis, cat],
  );

  const add = (i: number) => {
    const wanted = (pick[i] ?? '').trim();
    if (!wanted) return;
    const t = findTool(cat, wanted);
    if (!t) return setNotFound(wanted); // keep what was typed, so it can be corrected
    setNotFound('');
    setTeams(teams.map((team, j) => (j === i && !team.tools.includes(t.id) ? { ...team, tools: [...team.tools, t.id] } : team)));
    setPick(pick.map((p, j) => (j === i ? '' : p)));
  };
  const recommendLink = analysis
    ? href('/recommend', {
        needs: analysis.gaps.map((g) => g.capability).join('.'),
        keep: analysis.tools
          .filter((t) => !t.inHouse)
          .map((t) => t.id)
          .join('.'),
      })
    : '';

  return (
    <section class="stack-page" aria-labelledby="stack-title">
      <h1 id="stack-title">Your stack on the map</h1>
      {!live && <p class="notice">The stack builder needs the server (mlnav serve); this is a static copy of the catalogue.</p>}
      {live && (
        <SavedStacks
          current={{ name: 'My stack', teams, needs, ...(target !== undefined ? { targetLevel: target } : {}) }}
          savedId={savedId}
          onOpen={(id, st) => set({ teams: st.teams, needs: st.needs ?? [], target: st.targetLevel, saved: id })}
        />
      )}
      <div class="teams">
        {teams.map((team, i) => (
          <fieldset key={i} class="team" style={{ borderColor: COLOURS[i % COLOURS.length] }}>
            <legend>
              <input
                aria-label="Team name"
                value={team.name}
                onChange={(e) => setTeams(teams.map((t, j) => (j === i ? { ...t, name: (e.currentTarget as HTMLInputElement).value } : t)))}
              />
              <select
                aria-label={`Persona of ${team.name}`}
                value={team.persona}
                onChange={(e) => setTeams(teams.map((t, j) => (j === i ? { ...t, persona: (e.currentTarget as HTMLSelectElement).value } : t)))}
              >
                {cat.taxonomy.personas.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
              <button type="button" class="link" aria-label={`Remove team ${team.name}`} onClick={() => setTeams(teams.filter((_, j) => j !== i))}>
                ×
              </button>
            </legend>
            <ul class="chips">
              {team.tools.map((id) => (
                <li key={id}>
                  <span class="chip">
                    {byId.get(id)?.name ?? id}{' '}
                    <button
                      type="button"
                      class="link"
                      aria-label={`Remove ${byId.get(id)?.name ?? id}`}
                      onClick={() => setTeams(teams.map((t, j) => (j === i ? { ...t, tools: t.tools.filter((x) => x !== id) } : t)))}
                    >
                      ×
                    </button>
                  </span>
                </li>
              ))}
            </ul>
            <form
              class="add"
              onSubmit={(e) => {
                e.preventDefault();
                add(i);
              }}
            >
              <input
                list="stack-tool-names"
                aria-label={`Add a tool to ${team.name}`}
                placeholder="Add a tool…"
                value={pick[i] ?? ''}
                onInput={(e) => setPick(teams.map((_, j) => (j === i ? (e.currentTarget as HTMLInputElement).value : (pick[j] ?? ''))))}
              />
              <button type="submit">Add</button>
            </form>
          </fieldset>
        ))}
        <button type="button" onClick={() => setTeams([...teams, { name: `Team ${teams.length + 1}`, persona: personas[personas.length - 1]!, tools: [] }])}>
          Add a team
        </button>
        <datalist id="stack-tool-names">
          {cat.tools.map((t) => (
            <option value={t.name} key={t.id} />
          ))}
        </datalist>
      </div>
      <fieldset class="goals">
        <legend>What you aim for</legend>
        {model && (
          <label>
            Target level{' '}
            <select
              aria-label="Target maturity level"
              value={target === undefined ? '' : String(target)}
              onChange={(e) => {
                const v = (e.currentTarget as HTMLSelectElement).value;
                set({ target: v === '' ? undefined : Number(v) });
              }}
            >
              <option value="">the next level</option>
              {model.levels.map((l) => (
                <option key={l.level} value={String(l.level)}>{`${l.level}: ${l.name}`}</option>
              ))}
            </select>
          </label>
        )}
        <NeedPicker cat={cat} needs={needs} onChange={(next) => set({ needs: next })} />
      </fieldset>
      {notFound && <p role="alert">No tool called “{notFound}” in the catalogue: pick one from the list.</p>}
      {badPersonas.length > 0 && (
        <p role="alert">
          Unknown persona in the link, shown as {n.persona(loopPersonas[1] ?? personas[0]!)}: {badPersonas.map((p) => `“${p}”`).join(', ')} (known:{' '}
          {personas.join(', ')}).
        </p>
      )}
      {error && <p role="alert">{error}</p>}
      {analysis && (
        <div class="analysis">
          {analysis.maturity && (
            <section aria-labelledby="st-level" class="maturity" data-testid="maturity" data-level={analysis.maturity.level}>
              <h2 id="st-level">Maturity</h2>
              <p>
                {maturityText(analysis.maturity, n)}{' '}
                <a
                  class="small"
                  href={cat.taxonomy.maturityModels.find((m) => m.id === analysis.maturity!.model)?.source}
                  rel="noopener noreferrer"
                  target="_blank"
                >
                  Source
                </a>
              </p>
              {analysis.maturity.missing.length > 0 && (
                <ul class="small">
                  {analysis.maturity.missing.map((m, i) => (
                    <li key={i}>{requirementText(m, n)}</li>
                  ))}
                </ul>
              )}
            </section>
          )}
          {analysis.notes.map((note, i) => (
            <p key={i} class="notice" role="note">
              {noteText(note, n)}
            </p>
          ))}
          <div class="grid">
            <section aria-labelledby="st-gaps">
              <h2 id="st-gaps">
                Gaps{' '}
                <span class="muted">
                  ({analysis.gaps.length}, against level {analysis.maturity?.target ?? '-'} and the lifecycle)
                </span>
              </h2>
              <ul data-testid="gaps" class="gaps">
                {analysis.gaps.map((g) => (
                  <li key={g.capability} data-gap={g.capability} data-severity={g.severity}>
                    <span style={{ color: coverageColour(g.severity === 'partial' ? 1 : 0) }}>●</span> <strong>{n.capability(g.capability)}</strong>{' '}
                    {g.severity === 'partial' ? '(partial)' : '(missing)'} <span class="muted small">in {n.stage(g.stage)}</span>
                    <br />
                    <span class="small">{gapText(g, n)}</span>
                    <br />
                    <em class="small">{adviceText(g.advice)}</em>
                  </li>
                ))}
              </ul>
              {analysis.gaps.length > 0 && (
                <a class="button" href={recommendLink} data-testid="recommend-gaps">
                  Recommend tools for these gaps
                </a>
              )}
              <h2>
                Overlaps <span class="muted">({analysis.overlaps.length})</span>
              </h2>
              <ul>
                {analysis.overlaps.map((o) => (
                  <li key={o.capability}>
                    {n.capability(o.capability)}: {o.tools.map(n.tool).join(', ')}
                  </li>
                ))}
              </ul>
              <h2>
                Retired tools <span class="muted">({analysis.retired.length})</span>
              </h2>
              <ul data-testid="retired">
                {analysis.retired.map((r) => (
                  <li key={r.tool}>
                    {n.tool(r.tool)} ({r.state}
                    {r.since ? ` since ${r.since}` : ''}): counts for nothing; consider {r.replacements.map(n.tool).join(', ') || 'no known replacement'}
                  </li>
                ))}
              </ul>
              {analysis.personaDistance !== null && (
                <p class={analysis.oppositeEnds ? 'notice' : 'note'}>
                  {n.persona(analysis.personas[0])} and {n.persona(analysis.personas[1]).toLowerCase()} teams are {analysis.personaDistance.toFixed(2)} apart on
                  the map{analysis.oppositeEnds ? ': opposite ends, so integration will be hard.' : '.'}
                </p>
              )}
            </section>
            <section aria-labelledby="st-loops">
              <h2 id="st-loops">Lifecycle coverage</h2>
              <div class="loops" dangerouslySetInnerHTML={{ __html: loopsSvg }} />
              <ul class="stages" data-testid="stages">
                {analysis.stages.map((s) => (
                  <li key={s.stage} class={`stage-${s.status}`}>
                    <strong>{n.stage(s.stage)}</strong>: {s.status}
                    {s.tools.length ? ` (${s.tools.map(n.tool).join(', ')})` : ''}
                  </li>
                ))}
              </ul>
              <ul class="stages">
                {analysis.interlocks.map((i) => (
                  <li key={i.id} class={`health-${i.health}`}>
                    <strong>{n.interlock(i.id)}</strong>: {i.health} ({interlockText(i, n)})
                  </li>
                ))}
              </ul>
              {analysis.unintegrated.length > 0 && (
                <p class="small">
                  No known integration across the handoffs: {analysis.unintegrated.map((p) => `${n.tool(p.from)} → ${n.tool(p.to)}`).join('; ')}.
                </p>
              )}
            </section>
          </div>
          <h2>Footprints</h2>
          <div class="map" dangerouslySetInnerHTML={{ __html: mapSvg }} />
        </div>
      )}
    </section>
  );
}

/** Capabilities the organisation says it needs, beyond what the lifecycle and the level ask. */
export function NeedPicker({
  cat,
  needs,
  onChange,
  label = 'Also needed',
}: {
  cat: WebCatalogue;
  needs: string[];
  onChange: (next: string[]) => void;
  label?: string;
}) {
  const [value, setValue] = useState('');
  const n = namesFrom(cat.taxonomy, () => undefined);
  return (
    <div class="need-picker">
      <span>{label}: </span>
      <ul class="chips" data-testid="needs">
        {needs.map((id) => (
          <li key={id}>
            <span class="chip">
              {n.capability(id) !== id ? n.capability(id) : n.stage(id)}{' '}
              <button type="button" class="link" aria-label={`Remove need ${id}`} onClick={() => onChange(needs.filter((x) => x !== id))}>
                ×
              </button>
            </span>
          </li>
        ))}
      </ul>
      <select
        aria-label="Add a needed capability"
        value={value}
        onChange={(e) => {
          const v = (e.currentTarget as HTMLSelectElement).value;
          setValue('');
          if (v && !needs.includes(v)) onChange([...needs, v]);
        }}
      >
        <option value="">add a capability…</option>
        {cat.taxonomy.capabilities
          .filter((c) => !needs.includes(c.id))
          .map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
      </select>
    </div>
  );
}
