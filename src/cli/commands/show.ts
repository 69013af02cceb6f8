import type { Command } from 'commander';
import { findTool, type Catalogue } from '../../core/catalogue/catalogue.js';
import { summarise } from '../../core/catalogue/query.js';
import { capabilitiesAt } from '../../core/catalogue/tool.js';
import { UserError, printJson, withCatalogue } from '../context.js';

export function lookup(cat: Catalogue, query: string) {
  const tool = findTool(cat, query);
  if (!tool) throw new UserError(`unknown tool "${query}" (try: mlnav tools)`);
  return tool;
}

export function registerShow(program: Command): void {
  program
    .command('show')
    .description('show one tool: its facts, capabilities and placement')
    .argument('<tool>', 'tool id, name or alias')
    .option('--json', 'print JSON')
    .action(async (query: string, opts: { json?: boolean }, cmd: Command) => {
      await withCatalogue(cmd, ({ catalogue }) => {
        const t = lookup(catalogue, query);
        const p = catalogue.placement.get(t.id)!;
        if (opts.json) return printJson({ ...t, placement: { x: p.x, y: p.y, quadrant: p.quadrant, override: p.override } });
        const names = (ids: string[], kind: 'capability' | 'category') => ids.map((i) => catalogue.tax[kind].get(i)?.name ?? i).join(', ') || '-';
        const s = summarise(catalogue, t);
        const lines = [
          `${t.name} (${t.id})${t.aliases.length ? `, also ${t.aliases.join(', ')}` : ''}`,
          t.description,
          '',
          `quadrant      ${catalogue.tax.quadrantName.get(s.quadrant)} at x ${s.x}, y ${s.y}${p.override ? ' (override)' : ''}`,
          `categories    ${names(t.categories, 'category')}`,
          `core          ${names(capabilitiesAt(t, 'core'), 'capability')}`,
          `partial       ${names(capabilitiesAt(t, 'partial'), 'capability')}`,
          ...(capabilitiesAt(t, 'via').length
            ? [
                `through       ${capabilitiesAt(t, 'via')
                  .map((c) => `${catalogue.tax.capability.get(c)?.name ?? c} via ${t.capabilities[c]!.via}`)
                  .join(', ')}`,
              ]
            : []),
          `licence       ${t.license}${t.openSource ? ' (open source)' : ''}`,
          `offering      ${t.offering.join(', ')}`,
          `vendor        ${t.vendor ?? '-'}`,
          `status        ${t.status.state}${t.status.acquired ? ` (acquired by ${t.status.acquired.by}, ${t.status.acquired.date}; the product continues)` : ''}${t.status.since ? ` since ${t.status.since}` : ''}, checked ${t.status.checked}`,
          ...(t.status.note ? [`              ${t.status.note}`] : []),
          ...(t.status.replacedBy?.length ? [`replaced by   ${t.status.replacedBy.join(', ')}`] : []),
          `first release ${t.firstRelease}`,
          `homepage      ${t.homepage}`,
          ...(t.repository ? [`repository    ${t.repository}`] : []),
          `works with    ${t.worksWith.join(', ') || '-'}`,
          `competes with ${t.competesWith.join(', ') || '-'}`,
          ...Object.entries(t.capabilities)
            .filter(([, c]) => c.source)
            .map(([c, claim]) => `source        ${catalogue.tax.capability.get(c)?.name ?? c}: ${claim.source} (checked ${claim.checked})`),
          ...(t.sources
            ? [
                `source        licence: ${t.sources.license.url} (checked ${t.sources.license.checked})`,
                `source        status: ${t.sources.status.url} (checked ${t.sources.status.checked})`,
              ]
            : []),
        ];
        process.stdout.write(lines.join('\n') + '\n');
      });
    });
}
