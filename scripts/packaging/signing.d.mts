// Types for signing.mjs (plain JS so `npm run dist` needs no TS loader).
export interface SigningPlan {
  signed: boolean;
  args: string[];
  env: Record<string, string>;
  notes: string[];
}
export declare function signingPlan(platform: string, env: Record<string, string | undefined>): SigningPlan;
