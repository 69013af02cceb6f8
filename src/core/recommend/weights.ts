/**
 * The recommender's trade-off, in one place. A stack's cost is the sum of its tools' costs; the
 * solver finds the cheapest stack that covers every need, proven optimal. Each weight is in the same
 * unit ("one point"); docs/STACKS.md explains them. Change them with test/recommend.test.ts in view.
 */
export interface RecommendWeights {
  /** Every tool in the stack: one more thing to integrate, run and pay for. */
  tool: number;
  /** Times the tool's ring risk (from the taxonomy's rings: adopt 0 .. hold 4). */
  ring: number;
  /** A tool in maintenance only. */
  maintenance: number;
  /** Per year under `matureAfterYears` since its first release. */
  youth: number;
  matureAfterYears: number;
  /** A closed-source tool, when open source is not required (lock-in, no way to fix it yourself). */
  closedSource: number;
  /** A platform (all-in-one side) under the specialised-first policy, or a piecemeal tool under prefer-platforms. */
  policy: number;
  /** Per need the tool covers: so a need covered twice costs more (overlap). */
  perNeed: number;
  /** Per need a tool covers only partially, when no allowed tool has it as core. */
  partial: number;
  /**
   * Per capability the candidate has as core that a kept tool already has as core (substrates aside): paying
   * for, running and learning a second experiment tracker or registry beside the one you keep.
   */
  keptOverlap: number;
  /**
   * Per core capability a platform has beyond the needs (and beyond what it duplicates of kept tools), under
   * the specialised-first policy: a platform bought for two of its ten features is learnt, run and paid for whole.
   */
  unused: number;
  /** Taken off per kept tool the candidate is known to work with, at most `integrationCap` of them. */
  integration: number;
  integrationCap: number;
  /** Taken off for a service of the cloud you named: one bill, one identity system, nothing to run. */
  ownCloud: number;
  /** Taken off per catalogue tool that lists it in works-with (evidence of adoption), at most `adoptionCap` in all. */
  adoption: number;
  adoptionCap: number;
}

/** The balanced trade-off: the answer called "best". */
export const RECOMMEND_WEIGHTS: RecommendWeights = {
  tool: 5,
  ring: 1,
  maintenance: 3,
  youth: 0.5,
  matureAfterYears: 3,
  closedSource: 1,
  policy: 2.5,
  perNeed: 0.5,
  partial: 4,
  keptOverlap: 1.5,
  unused: 0.5,
  integration: 1.5,
  integrationCap: 2,
  ownCloud: 5,
  adoption: 0.1,
  adoptionCap: 2.5,
};

/**
 * The alternatives, each a different kind of answer: the fewest tools whatever they cost otherwise;
 * the best tool for each need even if that means more tools; everything open source and self-hosted.
 */
export const VARIANTS = {
  'fewest-tools': { weights: { ...RECOMMEND_WEIGHTS, tool: 1000 }, constraints: {} },
  'best-of-breed': { weights: { ...RECOMMEND_WEIGHTS, tool: 1.5, ring: 2, perNeed: 2, policy: 5 }, constraints: {} },
  'open-self-hosted': { weights: RECOMMEND_WEIGHTS, constraints: { openSourceOnly: true, selfHosted: true } },
} as const satisfies Record<string, { weights: RecommendWeights; constraints: { openSourceOnly?: boolean; selfHosted?: boolean } }>;
export type VariantKind = keyof typeof VARIANTS;
