import type { ReactNode } from 'react';

/** Something shown to the eye that a screen reader says in other words; a plain span may not carry a name (ARIA 1.2). */
export function SpokenAs({ spoken, children }: { spoken: string; children: ReactNode }) {
  return (
    <>
      <span aria-hidden="true">{children}</span>
      <span className="sr-only">{spoken}</span>
    </>
  );
}
