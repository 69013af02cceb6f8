import loadHighs from 'highs';
import type { MipSolver } from '../core/recommend/recommend.js';

let highs: Awaited<ReturnType<typeof loadHighs>> | undefined;

/** HiGHS (WebAssembly), loaded once; solves to a proven optimum (zero relative gap). */
export async function highsSolver(): Promise<MipSolver> {
  highs ??= await loadHighs();
  const h = highs;
  return (lp) => {
    const r = h.solve(lp, { output_flag: false, mip_rel_gap: 0 });
    const values: Record<string, number> = {};
    if (r.Status === 'Optimal') for (const [name, col] of Object.entries(r.Columns)) values[name] = (col as { Primal: number }).Primal;
    return { status: r.Status, values, objective: r.Status === 'Optimal' ? r.ObjectiveValue : NaN };
  };
}
