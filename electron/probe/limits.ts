/** What one probe lets its clients do; every value can be lowered or raised per deployment. */
export interface ProbeLimits {
  /** Concurrent TCP connections (HTTP and WebSocket together) from one remote address. */
  maxConnectionsPerClient: number;
  /** Distinct remote addresses connected at the same time. */
  maxClients: number;
  /**
   * Connections past the limits that are held open until their first request, to answer it with
   * 429 and the reason; past this many, a refused connection is closed at once.
   */
  maxRefusedWaiting: number;
  /** The longest a download or a signaling session may last, in seconds. */
  maxTestSeconds: number;
  /** The most bytes one download sends. */
  maxDownloadBytes: number;
  /** The most bytes one upload may send; past it the probe answers 413. */
  maxUploadBytes: number;
  /** The largest signaling message accepted; a larger one closes that connection. */
  maxMessageBytes: number;
  /** Requests a signaling connection may have in flight at once. */
  maxPendingRequests: number;
  /** The largest request head (request line and headers) accepted. */
  maxHeaderBytes: number;
  /** How long a client may take to send a request's headers, in seconds. */
  headersTimeoutSeconds: number;
  /** How long an idle keep-alive connection stays open, in seconds. */
  keepAliveSeconds: number;
  /** The longest a monitoring ping session (`ping.offer` with mode 'monitor') may last, in hours. */
  maxMonitorHours: number;
  /** Echoes a monitoring session gets in any one second; pings past it are dropped and counted. */
  maxMonitorPps: number;
}

/** Defaults sized for a room's link test (a few parallel 200 MB transfers, 30 s tests) and a day-long event's monitor. */
export const defaultProbeLimits: Readonly<ProbeLimits> = Object.freeze({
  maxConnectionsPerClient: 16,
  maxClients: 64,
  maxRefusedWaiting: 64,
  maxTestSeconds: 30,
  maxDownloadBytes: 200_000_000,
  maxUploadBytes: 200_000_000,
  maxMessageBytes: 64 * 1024,
  maxPendingRequests: 8,
  maxHeaderBytes: 8 * 1024,
  headersTimeoutSeconds: 10,
  keepAliveSeconds: 5,
  maxMonitorHours: 24,
  // Twice what RoomReady's monitor sends (monitorConfig.pingsPerSecond), so timer jitter never costs an echo.
  maxMonitorPps: 10,
});

/** The defaults with the given overrides; rejects values that would disable a limit. */
export function resolveProbeLimits(overrides: Partial<ProbeLimits> = {}): ProbeLimits {
  const limits = { ...defaultProbeLimits, ...overrides };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isFinite(value) || value <= 0) throw new RangeError(`Probe limit ${name} must be a positive number (got ${String(value)}).`);
  }
  return limits;
}
