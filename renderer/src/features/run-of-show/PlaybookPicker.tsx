import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateSummary } from '../../../../shared/runofshow/template';

/** A modal dialog that filters the Plan B playbooks as you type; Enter opens the highlighted one. */
export function PlaybookPicker(props: { playbooks: TemplateSummary[]; onPick: (id: string) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const [filter, setFilter] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const words = filter.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const matches = props.playbooks.filter((playbook) => words.every((word) => playbook.name.toLocaleLowerCase().includes(word)));
  const selected = Math.min(active, Math.max(matches.length - 1, 0));

  // A modal <dialog> makes the page behind it inert, so Tab stays among the picker's own controls.
  useEffect(() => {
    if (dialog.current && !dialog.current.open) dialog.current.showModal();
    input.current?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') props.onClose();
    else if (event.key === 'ArrowDown') setActive(Math.min(selected + 1, matches.length - 1));
    else if (event.key === 'ArrowUp') setActive(Math.max(selected - 1, 0));
    else if (event.key === 'Enter' && matches[selected]) props.onPick(matches[selected].id);
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <dialog
      ref={dialog}
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      className="dialog"
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        event.preventDefault();
        props.onClose();
      }}
    >
      <h2 id={titleId}>{t('planB.title')}</h2>
      <input
        ref={input}
        type="search"
        aria-label={t('planB.filter')}
        placeholder={t('planB.filter')}
        value={filter}
        role="combobox"
        aria-expanded="true"
        aria-controls={`${titleId}-list`}
        aria-activedescendant={matches[selected] ? `${titleId}-${matches[selected].id}` : undefined}
        onChange={(event) => {
          setFilter(event.target.value);
          setActive(0);
        }}
      />
      <ul id={`${titleId}-list`} role="listbox" className="picker-list" aria-label={t('planB.title')}>
        {matches.map((playbook, index) => (
          <li
            key={playbook.id}
            id={`${titleId}-${playbook.id}`}
            role="option"
            aria-selected={index === selected}
            onClick={() => props.onPick(playbook.id)}
          >
            {playbook.name}
          </li>
        ))}
      </ul>
      {matches.length === 0 && <p className="empty">{t('planB.none')}</p>}
      <div className="actions">
        <button type="button" onClick={props.onClose}>
          {t('planB.cancel')}
        </button>
      </div>
    </dialog>
  );
}
