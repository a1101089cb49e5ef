// Electronegativity ships no types; this is the part of its programmatic API the check uses.
declare module '@doyensec/electronegativity' {
  /** Options of the scanner's `run`, as read by its dist/runner.js. */
  export interface RunOptions {
    input: string;
    isRelative?: boolean;
    electronVersionOverride?: string;
    /** Check class names, e.g. "AvailableSecurityFixesGlobalCheck". */
    excludeFromScan?: string[];
    customScan?: string[];
    severitySet?: string;
    confidenceSet?: string;
    output?: string;
    isSarif?: boolean;
  }
  /** Scans `input`; without `forCli` it resolves to `{ globalChecks, atomicChecks, errors, issues }`. */
  export default function run(options: RunOptions, forCli?: false): Promise<unknown>;
}
