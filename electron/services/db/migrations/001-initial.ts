import type { Migration } from './index';

// Timestamps are INTEGER milliseconds since the Unix epoch (UTC). JSON lives in TEXT columns
// guarded by json_valid(). Flags are INTEGER 0/1.
const schema = `
CREATE TABLE settings (
  key   TEXT NOT NULL PRIMARY KEY,
  value TEXT NOT NULL CHECK (json_valid(value))
) STRICT;

CREATE TABLE rooms (
  id           INTEGER PRIMARY KEY,
  name         TEXT    NOT NULL COLLATE NOCASE,
  -- Uniqueness is on the name folded by the app (Unicode lower case): NOCASE folds only ASCII,
  -- and many room names are Cyrillic.
  name_key     TEXT    NOT NULL UNIQUE,
  organisation TEXT    NOT NULL DEFAULT '',
  country      TEXT    NOT NULL DEFAULT '',
  city         TEXT    NOT NULL DEFAULT '',
  capacity     INTEGER CHECK (capacity > 0),
  notes        TEXT    NOT NULL DEFAULT '',
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL
) STRICT;

CREATE TABLE room_devices (
  id            INTEGER PRIMARY KEY,
  room_id       INTEGER NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
  kind          TEXT    NOT NULL CHECK (kind IN ('videoinput', 'audioinput', 'audiooutput')),
  -- Browser deviceIds change per origin and when site data is cleared; this is the stable part
  -- (the id where it is stable, otherwise a hash of the label).
  device_key    TEXT    NOT NULL,
  label         TEXT    NOT NULL DEFAULT '',
  first_seen_at INTEGER NOT NULL,
  last_seen_at  INTEGER NOT NULL,
  -- Also serves as the index on room_id.
  UNIQUE (room_id, kind, device_key)
) STRICT;

-- Requirement profiles, one per event type (web meeting, webinar, hybrid seminar, ...).
CREATE TABLE profiles (
  id         TEXT    NOT NULL PRIMARY KEY,
  name       TEXT    NOT NULL,
  built_in   INTEGER NOT NULL DEFAULT 0 CHECK (built_in IN (0, 1)),
  definition TEXT    NOT NULL CHECK (json_valid(definition)),
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE preflight_runs (
  id          INTEGER PRIMARY KEY,
  room_id     INTEGER NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
  -- No foreign key: a run keeps naming the profile it was judged against after that profile
  -- is edited away or deleted.
  profile_id  TEXT,
  started_at  INTEGER NOT NULL,
  finished_at INTEGER,
  status      TEXT    NOT NULL
              CHECK (status IN ('running', 'pass', 'warn', 'fail', 'cancelled', 'error')),
  source      TEXT    NOT NULL CHECK (source IN ('app', 'cli')),
  summary     TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(summary))
) STRICT;
CREATE INDEX preflight_runs_by_room ON preflight_runs (room_id, started_at);

CREATE TABLE check_results (
  id        INTEGER PRIMARY KEY,
  run_id    INTEGER NOT NULL REFERENCES preflight_runs (id) ON DELETE CASCADE,
  -- Free text rather than a CHECK list: adding a kind of test must not need a table rebuild.
  component TEXT    NOT NULL,
  -- Stable within a room (e.g. the camera's device key), to compare a check with the last run.
  check_key TEXT    NOT NULL,
  subject   TEXT    NOT NULL DEFAULT '',
  status    TEXT    NOT NULL CHECK (status IN ('pass', 'warn', 'fail', 'skipped', 'error')),
  -- Summary and advice are message keys with values, so each reads in the reader's language.
  summary   TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(summary)),
  metrics   TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(metrics)),
  advice    TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(advice))
) STRICT;
CREATE INDEX check_results_by_run ON check_results (run_id);

-- A saved template version is never changed: editing adds a version, so every past run still
-- shows the steps it was run with.
CREATE TABLE checklist_templates (
  id         TEXT    NOT NULL,
  version    INTEGER NOT NULL CHECK (version >= 1),
  kind       TEXT    NOT NULL CHECK (kind IN ('checklist', 'run_of_show', 'playbook')),
  name       TEXT    NOT NULL,
  language   TEXT    NOT NULL,
  built_in   INTEGER NOT NULL DEFAULT 0 CHECK (built_in IN (0, 1)),
  definition TEXT    NOT NULL CHECK (json_valid(definition)),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (id, version)
) STRICT;

-- Virtual events. The quality log of an event outlives the room record it was held in.
CREATE TABLE events (
  id            INTEGER PRIMARY KEY,
  room_id       INTEGER REFERENCES rooms (id) ON DELETE SET NULL,
  title         TEXT    NOT NULL,
  profile_id    TEXT,
  planned_start INTEGER NOT NULL,
  planned_end   INTEGER NOT NULL,
  started_at    INTEGER,
  ended_at      INTEGER,
  is_drill      INTEGER NOT NULL DEFAULT 0 CHECK (is_drill IN (0, 1)),
  created_at    INTEGER NOT NULL,
  CHECK (planned_end >= planned_start)
) STRICT;
CREATE INDEX events_by_room ON events (room_id);

CREATE TABLE checklist_runs (
  id               INTEGER PRIMARY KEY,
  template_id      TEXT    NOT NULL,
  template_version INTEGER NOT NULL,
  event_id         INTEGER REFERENCES events (id) ON DELETE CASCADE,
  -- A Plan B playbook opened from inside another run.
  parent_run_id    INTEGER REFERENCES checklist_runs (id) ON DELETE CASCADE,
  title            TEXT    NOT NULL,
  planned_start    INTEGER NOT NULL,
  created_at       INTEGER NOT NULL,
  -- No cascade: deleting a template must not erase the record of what was done with it.
  FOREIGN KEY (template_id, template_version) REFERENCES checklist_templates (id, version)
) STRICT;
CREATE INDEX checklist_runs_by_event ON checklist_runs (event_id);
CREATE INDEX checklist_runs_by_parent ON checklist_runs (parent_run_id);
CREATE INDEX checklist_runs_by_template ON checklist_runs (template_id, template_version);

-- Every action taken in a run, appended and never changed: replaying them gives the run's
-- state and clocks exactly, after a restart or a crash.
CREATE TABLE run_actions (
  id     INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES checklist_runs (id) ON DELETE CASCADE,
  at     INTEGER NOT NULL,
  person TEXT    NOT NULL DEFAULT '',
  action TEXT    NOT NULL CHECK (json_valid(action))
) STRICT;
CREATE INDEX run_actions_by_run ON run_actions (run_id, id);

-- One row per event per second, always read as a time range of one event: clustering on the
-- primary key (WITHOUT ROWID) makes it the (event_id, at) index and keeps rows small.
CREATE TABLE quality_samples (
  event_id  INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  at        INTEGER NOT NULL,
  rtt_ms    REAL,
  jitter_ms REAL,
  loss_pct  REAL,
  mos       REAL,
  mic_dbfs  REAL,
  fps       REAL,
  extra     TEXT CHECK (json_valid(extra)),
  PRIMARY KEY (event_id, at)
) STRICT, WITHOUT ROWID;

CREATE TABLE incidents (
  id              INTEGER PRIMARY KEY,
  event_id        INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  rule            TEXT    NOT NULL,
  severity        TEXT    NOT NULL CHECK (severity IN ('info', 'warn', 'critical')),
  started_at      INTEGER NOT NULL,
  -- ended_at: the condition cleared; recovered_at: the team declared it handled. Time to
  -- recover is measured to the latter.
  ended_at        INTEGER,
  recovered_at    INTEGER,
  manual          INTEGER NOT NULL DEFAULT 0 CHECK (manual IN (0, 1)),
  drill           INTEGER NOT NULL DEFAULT 0 CHECK (drill IN (0, 1)),
  -- The Plan B playbook run opened for this incident, if any.
  playbook_run_id INTEGER REFERENCES checklist_runs (id) ON DELETE SET NULL,
  snapshot        TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(snapshot)),
  note            TEXT    NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX incidents_by_event ON incidents (event_id, started_at);
CREATE INDEX incidents_by_playbook_run ON incidents (playbook_run_id);

-- The evaluation framework applied to one room at one time. The computed readiness and
-- recommendations are stored as they were, so a report collected later reads the same.
CREATE TABLE assessments (
  id          INTEGER PRIMARY KEY,
  room_id     INTEGER NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
  assessed_at INTEGER NOT NULL,
  assessor    TEXT    NOT NULL DEFAULT '',
  answers     TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(answers)),
  result      TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(result)),
  updated_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX assessments_by_room ON assessments (room_id, assessed_at);
`;

/** The first schema: everything RoomReady stores. */
export const migration: Migration = {
  version: 1,
  up(db) {
    db.exec(schema);
  },
};
