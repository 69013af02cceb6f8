import type { Catalogue } from '../catalogue/catalogue.js';
import type { Stack } from './schema.js';

export interface StackProblem {
  path: Array<string | number>;
  message: string;
}

/** References a stack makes: every tool, capability, need and cloud must exist. */
export function checkStack(cat: Catalogue, stack: Stack): StackProblem[] {
  const out: StackProblem[] = [];
  const inHouse = new Set<string>();
  stack.inHouse.forEach((t, i) => {
    if (cat.byId.has(t.id)) out.push({ path: ['inHouse', i, 'id'], message: `"${t.id}" is already a catalogue tool; give the in-house tool its own id` });
    if (inHouse.has(t.id)) out.push({ path: ['inHouse', i, 'id'], message: `duplicate in-house id "${t.id}"` });
    inHouse.add(t.id);
    t.capabilities.forEach((c, j) => {
      if (!cat.tax.capability.has(c)) out.push({ path: ['inHouse', i, 'capabilities', j], message: `unknown capability "${c}"` });
    });
  });
  stack.teams.forEach((team, i) => {
    if (!cat.tax.persona.has(team.persona))
      out.push({ path: ['teams', i, 'persona'], message: `unknown persona "${team.persona}": use one of ${[...cat.tax.persona.keys()].join(', ')}` });
    team.tools.forEach((id, j) => {
      if (!cat.byId.has(id) && !inHouse.has(id))
        out.push({ path: ['teams', i, 'tools', j], message: `unknown tool "${id}" (not in the catalogue, not declared in inHouse)` });
    });
  });
  const models = cat.tax.taxonomy.maturityModels;
  const model = stack.maturityModel ? models.find((m) => m.id === stack.maturityModel) : models[0];
  if (stack.maturityModel && !model) out.push({ path: ['maturityModel'], message: `unknown maturity model "${stack.maturityModel}"` });
  if (stack.targetLevel !== undefined && model && stack.targetLevel >= model.levels.length)
    out.push({ path: ['targetLevel'], message: `${model.name} has levels 0 to ${model.levels.length - 1}` });
  stack.needs.forEach((n, i) => {
    if (!cat.tax.capability.has(n) && !cat.tax.stage.has(n))
      out.push({ path: ['needs', i], message: `unknown need "${n}": use a capability or a lifecycle stage id` });
  });
  if (stack.cloud && !cat.byId.has(stack.cloud)) out.push({ path: ['cloud'], message: `unknown cloud "${stack.cloud}"` });
  stack.constraints.exclude.forEach((id, i) => {
    if (!cat.byId.has(id)) out.push({ path: ['constraints', 'exclude', i], message: `unknown tool "${id}"` });
  });
  return out;
}
