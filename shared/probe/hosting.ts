/** Whether this machine serves a probe for other rooms ("Host a probe" in Settings). */
export interface ProbeHostStatus {
  state: 'off' | 'running' | 'failed';
  /** The probe's address, without the token. */
  url: string | null;
  /** The address to give remote rooms, with the token when one is needed. */
  shareUrl: string | null;
  /** Why it could not start (port in use, no such address). */
  error: string | null;
}
