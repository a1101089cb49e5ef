import { describe, expect, it } from 'vitest';
import { playbooksForRule, type PlaybookChoice } from '../../../../renderer/src/features/live/playbooks';
import { formatDuration } from '../../../../renderer/src/ui/duration';
import { fromLocalInput, toLocalInput } from '../../../../renderer/src/features/live/time-input';

const playbooks: PlaybookChoice[] = [
  { id: 'plan-b-link-down', name: 'Internet link down or degraded', language: 'en', triggers: ['link-lost', 'loss-high'] },
  { id: 'plan-b-link-down-ru', name: 'Связь пропала или ухудшилась', language: 'ru', triggers: ['link-lost', 'loss-high'] },
  { id: 'plan-b-presenter-audio-lost', name: 'Presenter audio lost', language: 'en', triggers: ['mic-silent'] },
  { id: 'own-audio', name: 'Our audio plan', language: 'en', triggers: ['mic-silent'] },
];

describe('playbooks offered for an incident', () => {
  it('are those whose triggers include the rule, in the language on screen', () => {
    expect(playbooksForRule('loss-high', playbooks, 'ru').map((playbook) => playbook.id)).toEqual(['plan-b-link-down-ru']);
    expect(playbooksForRule('mic-silent', playbooks, 'en').map((playbook) => playbook.id)).toEqual(['plan-b-presenter-audio-lost', 'own-audio']);
  });

  it('fall back to every language when none is in the one on screen, and are none for a rule nobody triggers on', () => {
    expect(playbooksForRule('mic-silent', playbooks, 'ru').map((playbook) => playbook.id)).toEqual(['plan-b-presenter-audio-lost', 'own-audio']);
    expect(playbooksForRule('manual', playbooks, 'en')).toEqual([]);
  });
});

describe('times in the new event form', () => {
  it('round-trip through the datetime-local format in local time', () => {
    const at = new Date(2025, 2, 14, 9, 30).getTime();
    expect(toLocalInput(at)).toBe('2025-03-14T09:30');
    expect(fromLocalInput('2025-03-14T09:30')).toBe(at);
    expect(fromLocalInput('2025-03-14T09:30:15')).toBe(at + 15_000);
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('tomorrow')).toBeNull();
  });

  it('formats elapsed times as m:ss or h:mm:ss', () => {
    expect(formatDuration(65_400)).toBe('1:05');
    expect(formatDuration(3_725_000)).toBe('1:02:05');
    expect(formatDuration(-5)).toBe('0:00');
    expect(formatDuration(-61_000)).toBe('−1:01');
  });
});
