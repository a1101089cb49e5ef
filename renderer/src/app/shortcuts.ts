import { screens } from './navigation';

/** Alt+1 … Alt+6 open the main sections from anywhere. */
export function installShortcuts(): void {
  window.addEventListener('keydown', (event) => {
    if (!event.altKey || event.ctrlKey || event.metaKey) return;
    const screen = screens[Number(event.key) - 1];
    if (!screen) return;
    event.preventDefault();
    window.location.hash = `#/${screen}`;
    document.getElementById('main')?.focus();
  });
}
