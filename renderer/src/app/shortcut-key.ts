/** The parts of a keydown that decide which shortcut it is. */
export interface KeyPress {
  key: string;
  code: string;
}

/**
 * The shortcut a key press means, as the key's name ('Enter', 'ArrowDown') or a lower-case
 * character. A Latin letter counts as typed (so Dvorak and AZERTY keep their letters); any
 * other letter key counts as the Latin letter at its place, so the runner's B, N or I work
 * with a Russian layout active (ЙЦУКЕН gives «и» on the B key) without switching layouts.
 */
export function shortcutKey(press: KeyPress): string {
  if (press.key.length !== 1) return press.key;
  if (/^[a-z]$/i.test(press.key)) return press.key.toLowerCase();
  const latin = /^Key([A-Z])$/.exec(press.code);
  return latin?.[1] ? latin[1].toLowerCase() : press.key.toLowerCase();
}
