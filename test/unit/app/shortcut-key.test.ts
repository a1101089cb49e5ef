import { describe, expect, it } from 'vitest';
import { shortcutKey } from '../../../renderer/src/app/shortcut-key';

describe('shortcutKey', () => {
  it('reads a Russian layout’s letters as the Latin letters at their place', () => {
    expect(shortcutKey({ key: 'и', code: 'KeyB' })).toBe('b');
    expect(shortcutKey({ key: 'Т', code: 'KeyN' })).toBe('n');
    expect(shortcutKey({ key: 'ш', code: 'KeyI' })).toBe('i');
    expect(shortcutKey({ key: 'з', code: 'KeyP' })).toBe('p');
  });

  it('keeps Latin letters as typed, whatever their place (Dvorak, AZERTY)', () => {
    expect(shortcutKey({ key: 'B', code: 'KeyB' })).toBe('b');
    expect(shortcutKey({ key: 'x', code: 'KeyB' })).toBe('x');
    expect(shortcutKey({ key: 'a', code: 'KeyQ' })).toBe('a');
  });

  it('keeps named keys and symbols', () => {
    expect(shortcutKey({ key: 'Enter', code: 'Enter' })).toBe('Enter');
    expect(shortcutKey({ key: 'ArrowDown', code: 'ArrowDown' })).toBe('ArrowDown');
    expect(shortcutKey({ key: '?', code: 'Digit7' })).toBe('?');
    expect(shortcutKey({ key: '.', code: 'Slash' })).toBe('.');
    expect(shortcutKey({ key: ' ', code: 'Space' })).toBe(' ');
  });
});
