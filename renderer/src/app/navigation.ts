import { create } from 'zustand';

/** The app's screens, in menu order; each is reached at `#/<screen>`. */
export const screens = ['rooms', 'preflight', 'run-of-show', 'live-event', 'reports', 'settings'] as const;

/** One screen of the app. */
export type Screen = (typeof screens)[number];

function screenFromHash(hash: string): Screen {
  const name = hash.replace(/^#\/?/, '').split('/')[0];
  return screens.find((screen) => screen === name) ?? 'rooms';
}

/** The current screen, kept in the address hash so reloads and links keep their place. */
export const useNavigation = create<{ screen: Screen }>(() => ({ screen: screenFromHash(window.location.hash) }));

window.addEventListener('hashchange', () => useNavigation.setState({ screen: screenFromHash(window.location.hash) }));
