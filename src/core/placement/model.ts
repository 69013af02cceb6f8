/**
 * The placement model's parameters, calibrated against the seed essay's figure by
 * `npm run calibrate` (scripts/calibrate.ts); test/placement-calibration.test.ts holds the result
 * to the targets, and test/expert-placement.test.ts to the expert-judged set. Change them only with
 * both in view.
 */
export interface PlacementModel {
  /** How much a claim counts towards a tool's artifact position (x): core and partial; via never. */
  weight: { core: number; partial: number };
  /**
   * A cloud's own service (an entry that a compute provider names in a `via` claim, such as its AI
   * platform) is a piece of that cloud's infrastructure first: the essay puts every vendor AI platform
   * on the software side. Shift applied to x.
   */
  cloudServiceShift: number;
  /**
   * Scope (y). "If the number of use-cases exceeds two to three, I tend to consider them as
   * all-in-one." A tool's use-cases are the lifecycle stages it serves, each counted by its strongest
   * claim there (`reach`: a core claim on a capability essential to the stage counts 1), plus `via`
   * for each stage only reached through another entry, plus `substrate` for raw compute (which runs
   * any stage, but serves none by itself). Past `allInOneAt` it is all-in-one.
   */
  scope: {
    /** Weight of the capability count: each core claim counts its capability's `useCases` (taxonomy, default 1), a partial one `partial`. */
    capabilities: number;
    partial: number;
    /**
     * Capabilities the taxonomy groups into one use-case (experiment management: tracking, registry,
     * sweeps) count as one: the largest in full, each further core claim of the group this fraction of it.
     */
    related: number;
    /** Weight of the stage reach: each stage counts its strongest claim there, by `reach`. */
    stages: number;
    reach: { coreEssential: number; coreHelpful: number; partialEssential: number; partialHelpful: number };
    via: number;
    substrate: number;
    allInOneAt: number;
    softness: number;
  };
  /**
   * Within `tie` of the centre line a tool is not clearly shaped by models: it goes to the software
   * side (the essay's default for general-purpose tools).
   */
  tie: number;
}

export const PLACEMENT_MODEL: PlacementModel = {
  weight: { core: 1, partial: 0.15 },
  cloudServiceShift: -0.6,
  scope: {
    capabilities: 1,
    partial: 0.35,
    related: 0.2,
    stages: 0,
    reach: { coreEssential: 1, coreHelpful: 0.5, partialEssential: 0.4, partialHelpful: 0.2 },
    via: 0.2,
    substrate: 3,
    allInOneAt: 2.85,
    softness: 1,
  },
  tie: 0.02,
};
