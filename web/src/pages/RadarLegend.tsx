import type { BlipState } from '../../../src/core/radar/movement';
import { markdownToSafeHtml } from '../lib/markdown';
import { href } from '../lib/route';

interface Props {
  date: string;
  rows: BlipState[];
  number: Map<string, number>;
  ringName: Map<string, string>;
  quadrantName: Map<string, string>;
}

/** Every blip of an edition with its number on the picture, ring history, movement and rationale (sanitised Markdown). */
export function RadarLegend({ date, rows, number, ringName, quadrantName }: Props) {
  return (
    <table class="catalogue legend">
      <caption class="sr-only">Every blip of the {date} edition with its rationale</caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Blip</th>
          <th scope="col">Ring</th>
          <th scope="col">Quadrant</th>
          <th scope="col">Movement</th>
          <th scope="col">Rationale</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((s) => (
          <tr key={s.id} data-blip-id={s.id}>
            <td class="num">{number.get(s.id)}</td>
            <th scope="row">{s.tool ? <a href={href(`/tools/${s.tool}`)}>{s.name}</a> : s.name}</th>
            <td>
              {ringName.get(s.ring)}
              <span class="muted small">{s.history.length > 1 ? ` (${s.history.map((h) => ringName.get(h.ring)).join(' → ')})` : ''}</span>
            </td>
            <td>{quadrantName.get(s.quadrant)}</td>
            <td>{s.movement}</td>
            <td class="rationale" dangerouslySetInnerHTML={{ __html: markdownToSafeHtml(s.rationale ?? '') }} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
