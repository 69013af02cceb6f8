/**
 * The placement model's parameters, calibrated against the seed essay's figure by
 * `npm run calibrate` (scripts/calibrate.ts); test/placement-calibration.test.ts holds the result
 * to the targets. Change them only with both in view.
 */
export const PLACEMENT_MODEL = {
  /** How much a capability counts towards a tool's artifact position (x). */
  weight: { primary: 1, secondary: 0.5 },
  /**
   * A service sold as part of a general cloud is a piece of infrastructure first, whatever it does:
   * the essay puts every vendor AI platform on the software side. Shift applied to x.
   */
  cloudServiceShift: -0.45,
  /**
   * Scope (y). "If the number of use-cases exceeds two to three, I tend to consider them as
   * all-in-one." A tool's reach is the lifecycle stages its primary capabilities serve (1 each),
   * plus `secondaryReach` for each further stage only a secondary capability serves, plus
   * `perCapability` for every weighted capability. Past `allInOneAt` it is all-in-one.
   */
  scope: {
    secondaryReach: 0.25,
    perCapability: 0.1,
    allInOneAt: 3.6,
    softness: 2,
  },
} as const;

export interface PlacementModel {
  weight: { primary: number; secondary: number };
  cloudServiceShift: number;
  scope: { secondaryReach: number; perCapability: number; allInOneAt: number; softness: number };
}
