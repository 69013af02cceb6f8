import type { Command } from 'commander';
import { layoutLandscape, renderLandscapeSvg } from '../../core/render/landscape.js';
import { isRetired } from '../../core/catalogue/tool.js';
import { writePicture } from '../../export/write-picture.js';
import { UserError, list, withCatalogue } from '../context.js';
import { lookup } from './show.js';

export function registerMap(program: Command): void {
  program
    .command('map')
    .description("draw the landscape of the catalogue as a picture like the essay's figure")
    .requiredOption('--out <file>', 'FILE.svg or FILE.png')
    .option('--highlight <tools>', 'comma-separated tool ids, names or aliases to emphasise', list)
    .option('--title <text>', 'title of the picture')
    .action(async (opts: { out: string; highlight?: string[]; title?: string }, cmd: Command) => {
      if (!/\.(svg|png)$/i.test(opts.out)) throw new UserError(`--out must end in .svg or .png: "${opts.out}"`, 2);
      await withCatalogue(cmd, ({ catalogue, info }) => {
        const highlight = new Set((opts.highlight ?? []).map((h) => lookup(catalogue, h).id));
        const points = catalogue.tools.map((t) => {
          const p = catalogue.placement.get(t.id)!;
          return { id: t.id, name: t.name, x: p.x, y: p.y, quadrant: p.quadrant, retired: isRetired(t) };
        });
        const layout = layoutLandscape(points, {
          title: opts.title ?? 'The MLOps landscape',
          subtitle: `${points.length} tools · placement computed from capabilities · catalogue ${info.source === 'bundled' ? 'bundled with MLOps Navigator' : info.source}`,
          highlight,
          quadrants: catalogue.tax.taxonomy.quadrants,
        });
        const kind = writePicture(opts.out, renderLandscapeSvg(layout));
        const crowded = layout.marks.filter((m) => !m.labelFree).length;
        process.stdout.write(
          `wrote ${opts.out} (${kind}, ${points.length} tools${crowded ? `, ${crowded} label(s) could not be placed without overlap` : ''})\n`,
        );
      });
    });
}
