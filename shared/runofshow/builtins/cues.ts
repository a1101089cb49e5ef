import type { Bilingual } from './bilingual';

/** Minutes after midnight. */
export const at = (hours: number, minutes = 0) => hours * 60 + minutes;

/** Cues that recur in many runs of show. */
export const cue = {
  startRecording: { en: 'Start recording', ru: 'Включить запись' },
  stopRecording: { en: 'Stop recording', ru: 'Остановить запись' },
  admit: { en: 'Admit participants from the waiting room', ru: 'Впускать участников из зала ожидания' },
  fiveLeft: { en: '5 minutes left: signal to the speaker', ru: 'Осталось 5 минут — сигнал выступающему' },
  oneLeft: { en: '1 minute left', ru: 'Осталась 1 минута' },
  endForAll: { en: 'End the meeting for all', ru: 'Завершить встречу для всех' },
} satisfies Record<string, Bilingual>;
