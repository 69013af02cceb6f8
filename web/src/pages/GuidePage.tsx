import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { CORNER_COLORS, cornerOf, layoutLandscape, renderLandscapeSvg } from '../../../src/core/render/landscape';
import { layoutLifecycle, renderLifecycleSvg } from '../../../src/core/render/lifecycle';
import { radarPicture } from '../../../src/core/radar/picture';
import { radarGeometry } from '../../../src/core/radar/render';
import { ECOSYSTEM, TEAMS_FOR_TRIAL, YOUNG_YEARS } from '../../../src/core/radar/evidence';
import { PLACEMENT_MODEL } from '../../../src/core/placement/model';
import { andList, namesFrom, placementStep, placementSummary } from '../../../src/wording/en';
import { loadTool, type ToolDetail, type WebCatalogue } from '../lib/data';
import { href } from '../lib/route';

type Tax = WebCatalogue['taxonomy'];

/** The colours of the diagonals drawn over the map. */
const LINE_COLOURS = ['#c2571a', '#6b4fb3', '#2e8a4a', '#2f6db5'];

/**
 * The framework explained with its own pictures: who the tools serve, the lifecycle they serve, the two
 * axes and their quadrants, the diagonals, the adoption radar, and how a tool's place is computed. Every
 * name and description comes from the taxonomy; the pictures come from the renderers the other views use.
 */
export function GuidePage({ cat }: { cat: WebCatalogue }) {
  const tax = cat.taxonomy;
  const names = useMemo(() => {
    const byId = new Map(cat.tools.map((t) => [t.id, t.name]));
    return namesFrom(tax, (id) => byId.get(id));
  }, [cat, tax]);
  const live = useMemo(() => cat.tools.filter((t) => !t.retired), [cat]);
  return (
    <article class="guide" aria-labelledby="guide-title">
      <h1 id="guide-title">How to read the landscape</h1>
      <p class="lead">
        MLOps Navigator sorts {cat.tools.length} tools with one small framework: who a tool helps, which part of the ML lifecycle it helps with, where that puts
        it on a two-axis map, and how boldly an organisation should adopt it. This page walks through each piece with the pictures the rest of the app uses;
        every name and description below is read from the taxonomy the app runs on.
      </p>
      <nav class="guide-toc" aria-label="On this page">
        {[
          ['people', 'Who'],
          ['lifecycle', 'Lifecycle'],
          ['axes', 'Axes'],
          ['quadrants', 'Quadrants'],
          ['diagonals', 'Diagonals'],
          ['radar', 'Radar'],
          ['placement', 'Placement'],
        ].map(([id, label]) => (
          <a key={id} href={`#guide-${id}`} onClick={(e) => jump(e, `guide-${id}`)}>
            {label}
          </a>
        ))}
      </nav>
      <Personas tax={tax} />
      <Lifecycle tax={tax} tools={live} names={names} />
      <Axes cat={cat} />
      <Quadrants cat={cat} />
      <Diagonals cat={cat} />
      <RadarSection tax={tax} />
      <Placement cat={cat} names={names} />
    </article>
  );
}

type Names = ReturnType<typeof namesFrom>;

function Personas({ tax }: { tax: Tax }) {
  return (
    <section id="guide-people" aria-labelledby="guide-people-h">
      <h2 id="guide-people-h">Who the tools are for</h2>
      <p>
        Tools are judged by the people who use them. Each persona below works one or both loops of the lifecycle, and a tool earns its place by removing the
        friction that persona feels.
      </p>
      <div class="cards">
        {tax.personas.map((p) => (
          <section key={p.id} class="card persona" data-persona={p.id}>
            <h3>{p.name}</h3>
            <p class="muted small">Works the {andList(p.loops.map((l) => tax.loops.find((x) => x.id === l)?.name.toLowerCase() ?? l))}</p>
            <dl>
              <dt>Wants</dt>
              <dd>{p.wants}</dd>
              <dt>Frustration</dt>
              <dd>{p.frustration}</dd>
              <dt>Needs</dt>
              <dd>{p.needs}</dd>
            </dl>
          </section>
        ))}
      </div>
      <p class="muted small">
        The <a href={href('/stack')}>Your stack</a> page works the same way: a stack is described team by team, and each team names its persona.
      </p>
    </section>
  );
}

function Lifecycle({ tax, tools, names }: { tax: Tax; tools: WebCatalogue['tools']; names: Names }) {
  // As on the lifecycle page: a stage's number is the tools holding one of its capabilities as a core feature.
  const svg = useMemo(() => {
    const counts: Record<string, number> = {};
    for (const s of tax.stages) {
      const caps = new Set([...s.capabilities.essential, ...s.capabilities.helpful]);
      counts[s.id] = tools.filter((t) => t.coreCapabilities.some((c) => caps.has(c))).length;
    }
    return renderLifecycleSvg(layoutLifecycle(tax, counts));
  }, [tax, tools]);
  return (
    <section id="guide-lifecycle" aria-labelledby="guide-lifecycle-h">
      <h2 id="guide-lifecycle-h">The lifecycle: two loops that share two stages</h2>
      <p>
        Machine learning work goes round in circles. One loop improves the model; the other keeps a model useful in production. They are drawn as two rings that
        overlap: the stages where they cross are the handoffs, where work passes from one group of people to the other and where it most often gets stuck.
      </p>
      <figure class="guide-figure loops-figure">
        <div class="guide-svg" dangerouslySetInnerHTML={{ __html: svg }} />
        <figcaption class="muted small">
          The number in each stage is how many current tools have one of its capabilities as a core feature. The <a href={href('/lifecycle')}>lifecycle</a> view
          lists them.
        </figcaption>
      </figure>
      <div class="cards">
        {tax.loops.map((l) => (
          <section key={l.id} class="card" data-loop={l.id}>
            <h3>{l.name}</h3>
            <p class="muted small">Worked by: {names.persona(l.persona)}</p>
            <ol class="cycle">
              {l.cycle.map((s) => (
                <li key={s}>{names.stage(s)}</li>
              ))}
            </ol>
            <p class="small muted">…and back to {names.stage(l.cycle[0]!).toLowerCase()}.</p>
          </section>
        ))}
      </div>
      <h3>Where the loops meet</h3>
      <ul>
        {tax.interlocks.map((i) => (
          <li key={i.id}>
            <strong>{i.name}</strong>: {i.description}
          </li>
        ))}
      </ul>
      <details>
        <summary>Every stage</summary>
        <dl class="stage-defs">
          {tax.stages.map((s) => (
            <div key={s.id}>
              <dt>{s.name}</dt>
              <dd>{s.description}</dd>
            </div>
          ))}
        </dl>
      </details>
      <p>
        Because the lifecycle is a set of separate stages, a tool can help with one or two of them, or try to take on the whole cycle. That difference is one of
        the two axes of the map.
      </p>
    </section>
  );
}

function Axes({ cat }: { cat: WebCatalogue }) {
  const { axes, quadrants } = cat.taxonomy;
  // The map without tools: the axes and the quadrants alone, small enough to read on a phone.
  const svg = useMemo(() => {
    const layout = layoutLandscape([], {
      width: 1000,
      height: 680,
      fontSize: 13,
      title: `${axes.x.name} × ${axes.y.name}`,
      axisLabels: { left: axes.x.min.label, right: axes.x.max.label, bottom: axes.y.min.label, top: axes.y.max.label },
      quadrants,
    });
    // Without the legend along the bottom: with no tools drawn, it would only repeat the quadrant names.
    return renderLandscapeSvg(layout).replace(
      `viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}"`,
      `viewBox="0 0 ${layout.width} ${layout.height - 42}"`,
    );
  }, [axes, quadrants]);
  return (
    <section id="guide-axes" aria-labelledby="guide-axes-h">
      <h2 id="guide-axes-h">Two axes</h2>
      <p>
        The map takes the lifecycle apart into two questions. Each tool gets an answer to both, a number between {axes.x.min.value} and {axes.x.max.value}, and
        those two numbers are its position.
      </p>
      <dl class="axes">
        {[axes.x, axes.y].map((a, i) => (
          <div key={a.id}>
            <dt>
              {i === 0 ? 'Across' : 'Up'}: {a.name}
            </dt>
            <dd>
              {a.question} From <strong>{a.min.label}</strong> ({a.min.value}) to <strong>{a.max.label}</strong> ({a.max.value}).
            </dd>
          </div>
        ))}
      </dl>
      <p>
        On the artifact axis, the software end is work an engineer would do for any product (code, containers, pipelines), and the model end is work that only
        exists because there is a trained model. On the scope axis, a piecemeal tool does one or two things well; an all-in-one tool covers most of the
        lifecycle and asks you to work its way.
      </p>
      <figure class="guide-figure landscape-figure">
        <div class="guide-svg" dangerouslySetInnerHTML={{ __html: svg }} />
        <figcaption class="muted small">
          The two axes cut the plane into four quadrants. The <a href={href('/')}>map</a> places every tool on it.
        </figcaption>
      </figure>
    </section>
  );
}

function Quadrants({ cat }: { cat: WebCatalogue }) {
  const tax = cat.taxonomy;
  const count = useMemo(() => {
    const m = new Map<string, number>();
    for (const t of cat.tools) m.set(t.quadrant, (m.get(t.quadrant) ?? 0) + 1);
    return m;
  }, [cat]);
  // In reading order of the map's corners, so two columns of cards sit as the quadrants do.
  const order = ['top-left', 'top-right', 'bottom-left', 'bottom-right'];
  const quadrants = [...tax.quadrants].sort((a, b) => order.indexOf(cornerOf(a)) - order.indexOf(cornerOf(b)));
  const side = (q: (typeof quadrants)[number]) =>
    `${q.y === 'positive' ? tax.axes.y.max.label : tax.axes.y.min.label}, ${(q.x === 'positive' ? tax.axes.x.max.label : tax.axes.x.min.label).toLowerCase()}`;
  return (
    <section id="guide-quadrants" aria-labelledby="guide-quadrants-h">
      <h2 id="guide-quadrants-h">Four quadrants</h2>
      <p>
        The upper two quadrants hold platforms: groups of technologies that try to cover most of the work in one place. The lower two hold modular tools you
        slot into a workflow you already have. Within each quadrant, distance from the centre still means something, as each description says.
      </p>
      <div class="cards quadrants">
        {quadrants.map((q) => (
          <section key={q.id} class="card quadrant" data-quadrant={q.id} style={{ borderTopColor: CORNER_COLORS[cornerOf(q)].mark }}>
            <h3>{q.name}</h3>
            <p class="muted small">
              {side(q)} · <a href={href('/table', new URLSearchParams([['quadrant', q.id]]))}>{count.get(q.id) ?? 0} tools</a>
            </p>
            <p>{q.description}</p>
            <ul class="small">
              {tax.categories
                .filter((c) => c.quadrant === q.id)
                .map((c) => (
                  <li key={c.id}>
                    <strong>{c.name}</strong>: {c.description}
                  </li>
                ))}
            </ul>
          </section>
        ))}
      </div>
      <p class="muted small">
        A tool's categories are chosen by the people who curate the catalogue; its quadrant is computed. When the two disagree, that is reported, not hidden.
      </p>
    </section>
  );
}

function Diagonals({ cat }: { cat: WebCatalogue }) {
  const diagonals = cat.taxonomy.diagonals;
  const svg = useMemo(
    () =>
      renderLandscapeSvg(cat.map, {
        lines: diagonals.map((d, i) => ({ from: d.from, to: d.to, label: d.name, color: LINE_COLOURS[i % LINE_COLOURS.length]! })),
      }),
    [cat, diagonals],
  );
  if (!diagonals.length) return null;
  return (
    <section id="guide-diagonals" aria-labelledby="guide-diagonals-h">
      <h2 id="guide-diagonals-h">Two diagonals</h2>
      <p>
        Once the tools are on the map, patterns run across the quadrants rather than inside them. Each diagonal below is a line through the map; a tool close
        enough to the line (and, for some, with the right kind of capability) counts as on it.
      </p>
      <figure class="guide-figure map-figure">
        <div class="guide-svg" dangerouslySetInnerHTML={{ __html: svg }} />
        <figcaption class="muted small">The map of every tool with the diagonals drawn over it (on a small screen, it scrolls sideways).</figcaption>
      </figure>
      <ul class="diagonals">
        {diagonals.map((d, i) => (
          <li key={d.id} data-diagonal={d.id}>
            <strong style={{ color: LINE_COLOURS[i % LINE_COLOURS.length] }}>{d.name}</strong>: {d.description}{' '}
            <a href={href('/', new URLSearchParams([['diagonal', d.id]]))}>{cat.diagonals[d.id]?.length ?? 0} tools on it</a>.
          </li>
        ))}
      </ul>
      <p>
        The map also works as a mirror for an organisation: plot where your engineers' tools and your researchers' tools sit. If they gather at opposite ends of
        a diagonal, expect the handoffs between the two loops to hurt.
      </p>
    </section>
  );
}

function RadarSection({ tax }: { tax: Tax }) {
  const host = useRef<HTMLDivElement>(null);
  // Part 3's table as a radar: every category a blip, in its quadrant, on the ring its kind of tool starts in.
  const picture = useMemo(
    () =>
      radarPicture({
        title: 'Where each category starts',
        rings: tax.rings.map((r) => ({ id: r.id, name: r.name })),
        quadrants: tax.quadrants.map((q) => ({ id: q.id, name: q.name })),
        editions: [{ date: 'the framework', blips: tax.categories.map((c) => ({ id: c.id, name: c.name, quadrant: c.quadrant, ring: c.ring })) }],
      }),
    [tax],
  );
  useLayoutEffect(() => {
    if (!host.current) return;
    host.current.innerHTML = picture.svg;
    // Only the rings and the quadrant names: the caption is the title, and the categories are listed below, by number, in the page's own text.
    const g = radarGeometry(picture.layout, 0);
    const svg = host.current.querySelector('svg')!;
    const top = g.cy - g.R - 40;
    svg.setAttribute('viewBox', `0 ${top} ${2 * g.R + 2 * g.pad} ${g.cy + g.R + 45 - top}`);
    svg.removeAttribute('width');
    svg.removeAttribute('height');
  }, [picture]);
  const number = new Map(picture.layout.blips.map((b) => [b.id, b.n]));
  const ceilings = tax.capabilityGroups.filter((g) => g.ringCeiling);
  const ringName = new Map(tax.rings.map((r) => [r.id, r.name]));
  return (
    <section id="guide-radar" aria-labelledby="guide-radar-h">
      <h2 id="guide-radar-h">The adoption radar</h2>
      <p>
        The map says what a tool is; the radar says what to do about it. Rings run from the centre outwards, and the closer to the centre, the stronger the case
        to adopt now. The quadrants are the map's, so a radar reads as the same landscape seen from where the organisation stands.
      </p>
      <ol class="rings">
        {tax.rings.map((r) => (
          <li key={r.id} data-ring={r.id}>
            <strong>{r.name}</strong>: {r.strategy} <span class="muted">For example: {r.actions}</span>
          </li>
        ))}
      </ol>
      <figure class="guide-figure radar-figure">
        <div class="guide-svg radar-svg" ref={host} />
        <figcaption class="muted small">Each category of tools, numbered, on the ring where its tools start.</figcaption>
      </figure>
      <table class="ring-table">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Category</th>
            <th scope="col">Starts in</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {[...tax.categories]
            .sort((a, b) => (number.get(a.id) ?? 0) - (number.get(b.id) ?? 0))
            .map((c) => (
              <tr key={c.id}>
                <td>{number.get(c.id)}</td>
                <th scope="row">{c.name}</th>
                <td>{ringName.get(c.ring) ?? c.ring}</td>
                <td>{c.ringReason}</td>
              </tr>
            ))}
        </tbody>
      </table>
      <h3>From a category's ring to a tool's</h3>
      <p>
        The catalogue's <a href={href('/radar')}>radar</a> starts every tool in the ring of its category, then weighs what is known about the tool itself:
      </p>
      <ul>
        <li>
          A long-standing standard that much of the catalogue builds on (at least {ECOSYSTEM.integrations} tools integrating with it, for {ECOSYSTEM.years}{' '}
          years or more) moves one ring in.
        </li>
        <li>
          A young tool moves out: under {YOUNG_YEARS.third} years since its first release it is at best in{' '}
          {ringName.get(tax.rings[2]?.id ?? '') ?? 'the third ring'}, under {YOUNG_YEARS.second} at best in{' '}
          {ringName.get(tax.rings[1]?.id ?? '') ?? 'the second ring'}.
        </li>
        <li>A tool in maintenance, archived or discontinued moves towards the outer rings.</li>
        {ceilings.length > 0 && (
          <li>
            Some kinds of work are too new for any tool to be proven in them yet:{' '}
            {andList(ceilings.map((g) => `${g.name} (since ${g.ringCeiling!.since}, at best ${ringName.get(g.ringCeiling!.ring) ?? g.ringCeiling!.ring})`))}.
          </li>
        )}
        <li>
          In an organisation's own radar, a tool used by {TEAMS_FOR_TRIAL} or more of its teams is at least in{' '}
          {ringName.get(tax.rings[1]?.id ?? '') ?? 'the second ring'}, and what the radar's owners decide always wins.
        </li>
      </ul>
      <p>
        Over time tools drift inwards as they prove themselves. Moving from assessing a tool to trialling it is best decided by using it on a project of real
        size. And the usual advice on building versus buying applies: buy unless MLOps is what you sell, write the glue between tools yourself, and reach for
        specialised tools before a platform.
      </p>
    </section>
  );
}

function Placement({ cat, names }: { cat: WebCatalogue; names: Names }) {
  const m = PLACEMENT_MODEL;
  const tax = cat.taxonomy;
  // The worked example: a tool the reader picks. To start, a short sum that matters: of the tools with three core
  // capabilities, the one nearest the line between piecemeal and all-in-one.
  const candidates = useMemo(() => [...cat.tools].filter((t) => !t.retired).sort((a, b) => a.name.localeCompare(b.name)), [cat]);
  const first = useMemo(() => {
    const rank = (t: (typeof candidates)[number]) => [Math.abs(t.coreCapabilities.length - 3), Math.abs(t.y)] as const;
    return (
      [...candidates].sort((a, b) => {
        const [ca, ya] = rank(a);
        const [cb, yb] = rank(b);
        return ca - cb || ya - yb || a.name.localeCompare(b.name);
      })[0]?.id ?? ''
    );
  }, [candidates]);
  const [picked, setPicked] = useState('');
  const id = picked || first;
  const [detail, setDetail] = useState<ToolDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!id) return;
    let on = true;
    setError(null);
    loadTool(id).then(
      (d) => on && setDetail(d),
      (e: Error) => on && setError(e.message),
    );
    return () => {
      on = false;
    };
  }, [id]);
  const caps = useMemo(() => [...tax.capabilities].sort((a, b) => a.artifact - b.artifact || a.name.localeCompare(b.name)), [tax]);
  const r = m.scope.reach;
  return (
    <section id="guide-placement" aria-labelledby="guide-placement-h">
      <h2 id="guide-placement-h">How a tool's place is computed</h2>
      <p>
        Nobody drags the dots on the map. Each tool in the catalogue says which capabilities it has, and how: as a core feature, as a partial one, or through
        another product. The position follows from those claims.
      </p>
      <h3>In practice</h3>
      <ul>
        <li>
          <strong>{tax.axes.x.name}.</strong> Every capability has its own spot between {tax.axes.x.min.label.toLowerCase()} and{' '}
          {tax.axes.x.max.label.toLowerCase()}, from {caps[0]?.name.toLowerCase()} at one end to {caps.at(-1)?.name.toLowerCase()} at the other. A tool lands at
          the average of its capabilities, its core features pulling harder than its partial ones. A product that a cloud sells as part of its own platform is
          pushed towards the software side, since it is that cloud's infrastructure first. A tool that comes out almost exactly in the middle counts as
          software.
        </li>
        <li>
          <strong>{tax.axes.y.name}.</strong> The more separate uses a tool has across the lifecycle, the higher it goes. Its core features count most, and
          features that people name as one job count as one ({(tax.useCases ?? []).map((u) => u.name.toLowerCase()).join('; ')}); renting out raw compute counts
          as covering everything. A tool with more than about {Math.round(m.scope.allInOneAt)} uses is all-in-one.
        </li>
        <li>The quadrant follows from which side of each axis the tool lands on.</li>
        <li>
          Categories play no part, and a hand placement is possible only with a written reason, always shown on the tool's page next to what the model would
          have said.
        </li>
      </ul>
      <h3>The arithmetic</h3>
      <dl class="maths">
        <dt>{tax.axes.x.name} (x)</dt>
        <dd>
          <p>
            <code>x = Σ wᵢ·aᵢ / Σ wᵢ</code>, over the tool's core and partial claims, where <code>aᵢ</code> is the capability's position (below) and{' '}
            <code>wᵢ</code> is {m.weight.core} for a core claim or {m.weight.partial} for a partial one, times the capability's pull (1 unless the taxonomy says
            otherwise). Claims through another product do not count.
          </p>
          <p>
            A cloud's own service then adds <code>{m.cloudServiceShift}</code>. The result is kept within [{tax.axes.x.min.value}, {tax.axes.x.max.value}], and
            the tool is on the {tax.axes.x.max.label.toLowerCase()} side only when <code>x &gt; {m.tie}</code>.
          </p>
        </dd>
        <dt>{tax.axes.y.name} (y)</dt>
        <dd>
          <p>
            Use-cases <code>u = C {m.scope.stages ? `+ ${m.scope.stages}·R ` : ''}+ S</code>:
          </p>
          <ul>
            <li>
              <code>C</code>: each core capability counts its number of use-cases (1, or more for one that runs several stages as one graph); each partial one
              counts {m.scope.partial}. Capabilities of one job count once: the largest in full, each further one {m.scope.related} (
              {(tax.useCases ?? []).map((u) => `${u.name}: ${u.capabilities.map((c) => names.capability(c).toLowerCase()).join(', ')}`).join('; ')}).
            </li>
            {m.scope.stages > 0 && (
              <li>
                <code>R</code>: for each lifecycle stage, the strongest claim there: a core claim on a capability essential to the stage {r.coreEssential}, core
                but only helpful {r.coreHelpful}, partial and essential {r.partialEssential}, partial and helpful {r.partialHelpful}, through another product{' '}
                {m.scope.via}.
              </li>
            )}
            <li>
              <code>S</code>: {m.scope.substrate} for raw compute held as core ({Math.round(m.scope.substrate * m.scope.partial * 100) / 100} as partial): it
              runs every stage without serving one.
            </li>
          </ul>
          <p>
            Then{' '}
            <code>
              y = tanh((u − {m.scope.allInOneAt}) / {m.scope.softness})
            </code>
            : {m.scope.allInOneAt} use-cases is the line between piecemeal and all-in-one, and the curve keeps y within (−1, 1).
          </p>
        </dd>
      </dl>
      <section class="worked" aria-labelledby="guide-worked-h">
        <h3 id="guide-worked-h">A worked example</h3>
        <label class="filter inline">
          <span>Tool</span>
          <select value={id} onChange={(e) => setPicked((e.currentTarget as HTMLSelectElement).value)}>
            {candidates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        {error && <p role="alert">Could not load the tool: {error}</p>}
        {detail && detail.tool.id === id && (
          <div data-testid="worked-example">
            <p>
              <a href={href(`/tools/${id}`)}>{detail.tool.name}</a> sits at ({detail.placement.x}, {detail.placement.y}), in {detail.placement.quadrantName}.
            </p>
            <ul class="reasons">
              {placementSummary(detail.placement.explanation.summary, names).map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
            <ol class="steps">
              {detail.placement.explanation.steps.map((st, i) => (
                <li key={i} class={`axis-${st.code[0]}`}>
                  <span class="axis">{st.code[0]}</span> {placementStep(st, names)}
                </li>
              ))}
            </ol>
          </div>
        )}
      </section>
      <details>
        <summary>Every capability's position on the {tax.axes.x.name.toLowerCase()} axis</summary>
        <table class="capability-table">
          <thead>
            <tr>
              <th scope="col">Capability</th>
              <th scope="col">Position</th>
              <th scope="col">Use-cases</th>
              <th scope="col">Stages</th>
            </tr>
          </thead>
          <tbody>
            {caps.map((c) => (
              <tr key={c.id}>
                <th scope="row">{c.name}</th>
                <td>{c.artifact > 0 ? `+${c.artifact}` : c.artifact}</td>
                <td>{c.useCases}</td>
                <td>{c.substrate ? 'every stage (substrate)' : andList(c.stages.map((s) => names.stage(s))) || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}

/** In-page links would change the hash route: scroll to the section instead. */
function jump(e: Event, id: string) {
  e.preventDefault();
  document.getElementById(id)?.scrollIntoView({ block: 'start' });
}
