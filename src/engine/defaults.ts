// The defaults the engine applies to what a scenario leaves out, apart from the schema (zod) so that code
// which only runs compiled worlds (the odds workers) does not ship the validator.

/** Values the engine uses for the settings a scenario leaves out (compileWorld applies them). */
export const SETTING_DEFAULTS = {
  ordersPerTurn: 2,
  realignStep: 3,
  commonEnemy: { perTurn: 3, cap: 60 },
  interestScale: 3,
  defenceBonus: 50,
  attrition: 30,
  breakRatio: 25,
  garrison: 0,
  allyCapture: true,
} as const;

/** Other defaults the engine applies to optional fields (resolve.ts, orders.ts, game.ts, ai.ts). */
export const FIELD_DEFAULTS = {
  amount: 10,
  objectiveWeight: 5,
  covert: 'never',
} as const;
