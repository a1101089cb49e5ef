/** English strings of the bundles section. */
export const bundlesEn = {
  conflicts: {
    room: 'The bundle describes the room “{{name}}” differently (as “{{offered}}”); the description kept here was not changed.',
    assessment: 'The bundle holds a different version of the assessment of “{{room}}” made on {{date}}; the one kept here was not changed.',
  },
};
