// The centre's log: one JSON object per line on stdout (or wherever `log` sends it). Every refusal
// is logged with its reason, so an administrator can see who was turned away and why.

export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  /** what happened, e.g. 'refused', 'mutation_rejected', 'enrolled' */
  event: string;
  [field: string]: unknown;
}
export type Log = (entry: LogEntry) => void;

export const jsonLinesLog: Log = (entry) => {
  process.stdout.write(`${JSON.stringify({ at: new Date().toISOString(), ...entry })}\n`);
};

export const silentLog: Log = () => undefined;
