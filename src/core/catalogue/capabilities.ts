/** Reading a tool's capabilities by strength: no schema code, so the web app's entry can use it. */
import type { Strength, Tool } from './tool.js';

type WithCapabilities = Pick<Tool, 'capabilities'>;

/** Capability ids a tool holds at the given strengths, in file order. */
export function capabilitiesAt(tool: WithCapabilities, ...strengths: Strength[]): string[] {
  const out: string[] = [];
  for (const [id, c] of Object.entries(tool.capabilities)) if (strengths.includes(c.strength)) out.push(id);
  return out;
}

/** Capabilities the tool provides itself (core or partial). */
export function ownCapabilities(tool: WithCapabilities): string[] {
  return capabilitiesAt(tool, 'core', 'partial');
}

export function strengthOf(tool: WithCapabilities, capability: string): Strength | undefined {
  return Object.hasOwn(tool.capabilities, capability) ? tool.capabilities[capability]!.strength : undefined;
}
