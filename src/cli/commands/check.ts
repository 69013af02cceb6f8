import type { Command } from 'commander';
import { calibrate, CALIBRATION_TARGETS } from '../../core/placement/calibration.js';
import { factIssues, placementDisagreements, retiredTools } from '../../core/catalogue/health.js';
import { readSeedFigure } from '../../formats/seed-figure.js';
import { seedFigureFile } from '../../app/paths.js';
import { UserError, printJson, withCatalogue } from '../context.js';
import { factIssueText } from '../../wording/en.js';

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('report placement against the seed figure, category/placement disagreements, retired tools and missing or stale facts')
    .option('--json', 'print JSON')
    .option('--stale', 'only list facts checked too long ago, and facts a repository contradicts')
    .option('--days <n>', 'facts checked more than this many days ago are stale', '365')
    .action(async (opts: { json?: boolean; stale?: boolean; days: string }, cmd: Command) => {
      const days = Number(opts.days);
      if (!Number.isInteger(days) || days < 0) throw new UserError(`--days must be a whole number, not "${opts.days}"`, 2);
      await withCatalogue(cmd, ({ catalogue }) => {
        if (opts.stale) {
          const issues = factIssues(catalogue, new Date(), days).filter((f) => f.code !== 'no-vendor' && f.code !== 'no-repository');
          if (opts.json) return printJson(issues);
          const out = [`Facts to check again (${issues.length}; stale after ${days} days):`];
          for (const f of issues) out.push(`  - ${f.tool} ${f.field}: ${factIssueText(f)}`);
          process.stdout.write(out.join('\n') + '\n');
          return;
        }
        const cal = calibrate(catalogue, readSeedFigure(seedFigureFile));
        const disagreements = placementDisagreements(catalogue);
        const retired = retiredTools(catalogue).map((t) => ({
          id: t.id,
          state: t.status.state,
          acquired: t.status.acquired ?? null,
          since: t.status.since ?? null,
          replacedBy: t.status.replacedBy ?? [],
        }));
        const facts = factIssues(catalogue, new Date(), days);
        const meets =
          cal.quadrantMatches >= CALIBRATION_TARGETS.quadrantMatches &&
          cal.spearmanX >= CALIBRATION_TARGETS.spearmanX &&
          cal.spearmanY >= CALIBRATION_TARGETS.spearmanY &&
          cal.overridden.length === 0;
        if (opts.json) return printJson({ calibration: { ...cal, targets: CALIBRATION_TARGETS, meetsTargets: meets }, disagreements, retired, facts });
        const out: string[] = [];
        out.push(`Placement against the seed figure (${cal.compared} of ${cal.rows.length} seed tools in the catalogue):`);
        out.push(`  same quadrant   ${cal.quadrantMatches}/${cal.compared} (target >= ${CALIBRATION_TARGETS.quadrantMatches})`);
        out.push(`  Spearman x      ${cal.spearmanX.toFixed(3)} (target >= ${CALIBRATION_TARGETS.spearmanX})`);
        out.push(`  Spearman y      ${cal.spearmanY.toFixed(3)} (target >= ${CALIBRATION_TARGETS.spearmanY})`);
        out.push(`  overrides used  ${cal.overridden.length ? cal.overridden.join(', ') : 'none'}`);
        out.push(`  verdict         ${meets ? 'meets the targets' : 'BELOW TARGET'}`);
        for (const r of cal.rows.filter((r) => !r.agrees))
          out.push(
            `  - ${r.name}: figure ${r.seedQuadrant} (${r.x}, ${r.y}), computed ${r.computed ? `${r.computed.quadrant} (${r.computed.x}, ${r.computed.y})` : 'missing from catalogue'}`,
          );
        out.push('', `Category says one quadrant, placement another (${disagreements.length}):`);
        for (const d of disagreements)
          out.push(`  - ${d.tool}: categories ${d.categories.join(', ')} -> ${d.categoryQuadrants.join('/')}, computed ${d.computed}`);
        out.push('', `Retired tools (${retired.length}):`);
        for (const r of retired)
          out.push(
            `  - ${r.id}: ${r.state}${r.since ? ` since ${r.since}` : ''}${r.acquired ? ` (acquired by ${r.acquired.by}, ${r.acquired.date})` : ''}${r.replacedBy.length ? `; move to ${r.replacedBy.join(', ')}` : ''}`,
          );
        out.push('', `Missing or stale facts (${facts.length}):`);
        for (const f of facts) out.push(`  - ${f.tool} ${f.field}: ${factIssueText(f)}`);
        process.stdout.write(out.join('\n') + '\n');
      });
    });
}
