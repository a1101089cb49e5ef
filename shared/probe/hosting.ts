/** Whether this machine serves a probe for other rooms ("Host a probe" in Settings). */
export interface ProbeHostStatus {
  state: 'off' | 'running' | 'failed';
  /** The probe's address, without the token. */
  url: string | null;
  /**
   * The addresses to give remote rooms, with the token when one is needed: one per address of
   * this machine when the probe listens on all of them.
   */
  shareUrls: string[];
  /** Why it could not start (port in use, no such address). */
  error: string | null;
}
