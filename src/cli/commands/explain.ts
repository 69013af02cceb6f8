import type { Command } from 'commander';
import { printJson, withCatalogue } from '../context.js';
import { lookup } from './show.js';
import { explainPlacement } from '../../core/placement/place.js';
import { placementStep, placementSummary } from '../../wording/en.js';
import { catalogueNames } from '../names.js';

export function registerExplain(program: Command): void {
  program
    .command('explain')
    .description('explain why a tool sits where it sits on the landscape')
    .argument('<tool>', 'tool id, name or alias')
    .option('--steps', 'also show the arithmetic behind it')
    .option('--json', 'print JSON')
    .action(async (query: string, opts: { json?: boolean; steps?: boolean }, cmd: Command) => {
      await withCatalogue(cmd, ({ catalogue }) => {
        const t = lookup(catalogue, query);
        const p = catalogue.placement.get(t.id)!;
        const explanation = explainPlacement(t, catalogue.tax, catalogue.context);
        const quadrant = catalogue.tax.quadrantName.get(p.quadrant);
        if (opts.json) return printJson({ id: t.id, ...p, quadrantName: quadrant, explanation });
        const n = catalogueNames(catalogue);
        const out = [`${t.name}: ${quadrant} (x ${p.x}, y ${p.y})`, ''];
        for (const line of placementSummary(explanation.summary, n)) out.push(`  ${line}`);
        if (opts.steps) {
          out.push('', 'Artifact (x, software -1 .. model +1):');
          for (const s of explanation.steps.filter((s) => s.code.startsWith('x.'))) out.push(`  - ${placementStep(s, n)}`);
          out.push(`  = x ${p.computed.x}`, '', 'Scope (y, piecemeal -1 .. all-in-one +1):');
          for (const s of explanation.steps.filter((s) => s.code.startsWith('y.'))) out.push(`  - ${placementStep(s, n)}`);
        } else out.push('', '  (--steps shows the arithmetic)');
        const catQuadrants = new Set(t.categories.map((c) => catalogue.tax.category.get(c)?.quadrant));
        if (!catQuadrants.has(p.quadrant))
          out.push(
            '',
            `Note: its categories (${t.categories.join(', ')}) belong to ${[...catQuadrants].map((q) => catalogue.tax.quadrantName.get(q!)).join(' / ')}, but the computed placement says ${quadrant}.`,
          );
        process.stdout.write(out.join('\n') + '\n');
      });
    });
}
