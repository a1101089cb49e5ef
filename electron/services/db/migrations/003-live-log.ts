import type { Migration } from './index';

// Metric columns of quality_minutes follow quality_samples (rtt_ms → rtt_min/rtt_mean/rtt_max…),
// so the timeline reads both tables with the same expressions.
const schema = `
-- Time to notice and time to open the playbook are measured from these.
ALTER TABLE incidents ADD COLUMN acknowledged_at INTEGER;
ALTER TABLE incidents ADD COLUMN playbook_opened_at INTEGER;

-- The run of show followed at the event; its playbook runs hang below it (parent_run_id).
ALTER TABLE events ADD COLUMN run_id INTEGER REFERENCES checklist_runs (id) ON DELETE SET NULL;
-- Without it every run deletion scans the events to null the references.
CREATE INDEX events_by_run ON events (run_id);

-- A simulated failure injected into an event's monitoring; nothing real was touched.
CREATE TABLE drills (
  id          INTEGER PRIMARY KEY,
  event_id    INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  kind        TEXT    NOT NULL CHECK (kind IN ('link-down', 'heavy-loss', 'mic-lost', 'camera-frozen')),
  started_at  INTEGER NOT NULL,
  ended_at    INTEGER,
  -- The incident the drill caused, once the rules opened it.
  incident_id INTEGER REFERENCES incidents (id) ON DELETE SET NULL,
  CHECK (ended_at IS NULL OR ended_at >= started_at)
) STRICT;
CREATE INDEX drills_by_event ON drills (event_id, started_at);
CREATE INDEX drills_by_incident ON drills (incident_id);

-- One row per minute, written in the same transaction as its seconds: wide timelines read these
-- instead of every second, and they remain when retention deletes the seconds. A mean is over
-- the seconds that measured the metric, weighted by 'samples' (every second of the minute)
-- when batches merge.
CREATE TABLE quality_minutes (
  event_id    INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  minute      INTEGER NOT NULL CHECK (minute % 60000 = 0),
  samples     INTEGER NOT NULL CHECK (samples > 0),
  rtt_min     REAL, rtt_mean    REAL, rtt_max    REAL,
  jitter_min  REAL, jitter_mean REAL, jitter_max REAL,
  loss_min    REAL, loss_mean   REAL, loss_max   REAL,
  mos_min     REAL, mos_mean    REAL, mos_max    REAL,
  mic_min     REAL, mic_mean    REAL, mic_max    REAL,
  fps_min     REAL, fps_mean    REAL, fps_max    REAL,
  PRIMARY KEY (event_id, minute)
) STRICT, WITHOUT ROWID;

-- One row per event, updated in the same transaction as its seconds: the whole event's figures
-- (shared/live/histogram.ts RunningSummary) without reading every second, and kept when
-- retention deletes the seconds.
CREATE TABLE event_summaries (
  event_id INTEGER PRIMARY KEY REFERENCES events (id) ON DELETE CASCADE,
  summary  TEXT    NOT NULL CHECK (json_valid(summary))
) STRICT;
`;

/** Drills, incident reaction times, per-minute aggregates of compacted samples, running event summaries, and an event's run of show. */
export const migration: Migration = {
  version: 3,
  up(db) {
    db.exec(schema);
  },
};
