// Types of the messages of timed-gets.mjs (a worker; bench/dashboard-queries.ts starts it).
export interface TimedGetRequest {
  id: number;
  url: string;
  cookie: string;
  warmUp: number;
  runs: number;
}
/** `times` in ms; otherwise a failed answer, `timed` when it came after the first one succeeded. */
export type TimedGetAnswer = { id: number; times: readonly number[] } | { id: number; status: number; body: string; timed: boolean };
