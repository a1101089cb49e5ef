import { create } from 'zustand';

/** The app's screens, in menu order; each is reached at `#/<screen>`. */
export const screens = ['rooms', 'preflight', 'run-of-show', 'live-event', 'reports', 'settings'] as const;

/** One screen of the app. */
export type Screen = (typeof screens)[number];

function locationFromHash(hash: string): { screen: Screen; path: string[] } {
  const [name, ...path] = hash.replace(/^#\/?/, '').split('/');
  return { screen: screens.find((screen) => screen === name) ?? 'rooms', path: path.filter(Boolean).map(decodeURIComponent) };
}

/** The current screen and the path within it (e.g. a run's id), kept in the address hash. */
export const useNavigation = create<{ screen: Screen; path: string[] }>(() => locationFromHash(window.location.hash));

window.addEventListener('hashchange', () => useNavigation.setState(locationFromHash(window.location.hash)));

/** Goes to a screen (and a place within it). */
export function navigate(screen: Screen, ...path: (string | number)[]): void {
  window.location.hash = `#/${[screen, ...path.map((part) => encodeURIComponent(String(part)))].join('/')}`;
}

/** The presenter timer's own address: a page of its own, without the app around it. */
export function presenterRunId(hash: string): number | null {
  const match = /^#\/presenter\/(\d+)$/.exec(hash);
  return match ? Number(match[1]) : null;
}
