import type { Migration } from './index';

// Rooms get a uid because bundles from other organisations must match rooms across machines,
// where ids and even names mean nothing. ALTER TABLE cannot add a column with a random default,
// so existing rows are backfilled here and new rows get theirs in the INSERT (rooms.ts).
// The CHECK lets only the rows of the ADD COLUMN itself be NULL until the backfill below.
const schema = `
ALTER TABLE rooms ADD COLUMN uid TEXT CHECK (length(uid) = 32 AND uid NOT GLOB '*[^0-9a-f]*');
UPDATE rooms SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL;
CREATE UNIQUE INDEX rooms_by_uid ON rooms (uid);

-- The table of 001 was never written to: it tied an assessment to a local room id, which an
-- assessment imported from another organisation does not have.
DROP TABLE assessments;

-- An assessment keeps the room as it was described and the run as it was saved, so its
-- report reads the same later, on this machine or any other that imports it.
CREATE TABLE room_assessments (
  uid         TEXT    NOT NULL PRIMARY KEY CHECK (length(uid) = 32 AND uid NOT GLOB '*[^0-9a-f]*'),
  room_uid    TEXT    NOT NULL CHECK (length(room_uid) = 32 AND room_uid NOT GLOB '*[^0-9a-f]*'),
  -- Set for this machine's rooms; NULL for rooms known only from imported bundles, and after
  -- the local room is deleted (its assessments stay: another organisation may hold copies).
  room_id     INTEGER REFERENCES rooms (id) ON DELETE SET NULL,
  room        TEXT    NOT NULL CHECK (json_valid(room)),
  assessed_at INTEGER NOT NULL,
  assessor    TEXT    NOT NULL DEFAULT '',
  answers     TEXT    NOT NULL CHECK (json_valid(answers)),
  run         TEXT    CHECK (run IS NULL OR json_valid(run)),
  result      TEXT    NOT NULL CHECK (json_valid(result)),
  origin      TEXT    NOT NULL CHECK (origin IN ('local', 'imported')),
  imported_at INTEGER,
  CHECK ((origin = 'imported') = (imported_at IS NOT NULL))
) STRICT;
CREATE INDEX room_assessments_by_room ON room_assessments (room_uid, assessed_at);
-- Without it every room deletion scans the table to null the references.
CREATE INDEX room_assessments_by_room_id ON room_assessments (room_id);
`;

/** Room uids, and assessments that carry their room and run so bundles can move them. */
export const migration: Migration = {
  version: 2,
  up(db) {
    db.exec(schema);
  },
};
