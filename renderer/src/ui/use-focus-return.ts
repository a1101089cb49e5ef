import { useRef } from 'react';

/**
 * Remembers the button that opened a form and gives focus back to it when the form closes,
 * so a keyboard user continues where they were (if that button is still on the page).
 */
export function useFocusReturn() {
  const opener = useRef<HTMLElement | null>(null);
  return {
    openedBy: (button: HTMLElement) => {
      opener.current = button;
    },
    returnFocus: () => {
      if (opener.current?.isConnected) opener.current.focus();
    },
  };
}
