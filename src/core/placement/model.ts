/**
 * The placement model's parameters, calibrated against the seed essay's figure
 * (test/placement-calibration.test.ts prints how well). Change them only with that test in view.
 */
export const PLACEMENT_MODEL = {
  /** How much a capability counts towards a tool's position and scope. */
  weight: { primary: 1, secondary: 0.5 },
  /**
   * A service sold as part of a general cloud is a piece of infrastructure first, whatever it does:
   * the essay puts every vendor AI platform on the software side. Shift applied to x.
   */
  cloudServiceShift: -0.55,
  /**
   * Scope. "If the number of use-cases exceeds two to three, I tend to consider them as all-in-one":
   * use-cases are weighted capabilities plus the breadth of lifecycle stages they reach; the tool
   * crosses into all-in-one when that count passes `allInOneAt`.
   */
  scope: {
    stageWeight: 0.35,
    allInOneAt: 4.1,
    softness: 2.6,
  },
} as const;

export type PlacementModel = typeof PLACEMENT_MODEL;
