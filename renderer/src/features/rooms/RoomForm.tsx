import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { toFieldIssues } from '../../../../shared/api/dispatch';
import type { ApiError, Result } from '../../../../shared/api/result';
import { roomInputSchema, type Room, type RoomInput } from '../../../../shared/rooms/room';

const textFields = ['name', 'organisation', 'country', 'city'] as const;
type FieldName = (typeof textFields)[number] | 'capacity' | 'notes';
type Draft = Record<FieldName, string>;

function draftFrom(room: Room | null): Draft {
  return {
    name: room?.name ?? '',
    organisation: room?.organisation ?? '',
    country: room?.country ?? '',
    city: room?.city ?? '',
    capacity: room?.capacity == null ? '' : String(room.capacity),
    notes: room?.notes ?? '',
  };
}

function candidateFrom(draft: Draft) {
  const capacity = draft.capacity.trim();
  return { ...draft, capacity: capacity === '' ? null : Number(capacity) };
}

/** Add or edit a room; validates with the contract's schema before and after saving. */
export function RoomForm(props: {
  room: Room | null;
  onSubmit: (input: RoomInput) => Promise<Result<Room>>;
  onDone: (room: Room) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const formId = useId();
  const [draft, setDraft] = useState(() => draftFrom(props.room));
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);

  const showIssues = (issues: { path: string; message: string }[]) =>
    setFieldErrors(Object.fromEntries(issues.map((issue) => [issue.path, issue.message])));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = roomInputSchema.safeParse(candidateFrom(draft));
    if (!parsed.success) {
      showIssues(toFieldIssues(parsed.error));
      setFormError(null);
      return;
    }
    setSaving(true);
    const result = await props.onSubmit(parsed.data);
    setSaving(false);
    if (result.ok) {
      props.onDone(result.value);
      return;
    }
    showIssues(result.error.issues ?? []);
    setFormError(result.error);
  };

  const field = (name: FieldName, input: (common: object) => React.ReactNode) => {
    const error = fieldErrors[name];
    const inputId = `${formId}-${name}`;
    const errorId = `${inputId}-error`;
    return (
      <div className="field" key={name}>
        <label htmlFor={inputId}>{t(`rooms.form.${name}`)}</label>
        {input({
          id: inputId,
          name,
          value: draft[name],
          'aria-invalid': error ? true : undefined,
          'aria-describedby': error ? errorId : undefined,
          onChange: (event: { target: { value: string } }) => setDraft({ ...draft, [name]: event.target.value }),
        })}
        {error && (
          <p className="field-error" id={errorId}>
            {t(error)}
          </p>
        )}
      </div>
    );
  };

  const hasFieldErrors = Object.keys(fieldErrors).length > 0;
  return (
    <form className="panel" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`}>{t(props.room ? 'rooms.form.editTitle' : 'rooms.form.addTitle')}</h2>
      {(hasFieldErrors || formError) && (
        <p role="alert" className="form-error">
          {formError && formError.code !== 'invalid_argument' && !hasFieldErrors
            ? t(`errors.${formError.code}`)
            : t('rooms.form.fixErrors')}
        </p>
      )}
      <div className="field-grid">
        {textFields.map((name) => field(name, (common) => <input type="text" autoComplete="off" {...common} autoFocus={name === 'name'} />))}
        {field('capacity', (common) => <input type="number" inputMode="numeric" min={1} max={10000} {...common} />)}
      </div>
      {field('notes', (common) => <textarea rows={3} {...common} />)}
      <div className="actions">
        <button type="submit" className="primary" disabled={saving}>
          {t('rooms.form.save')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('rooms.form.cancel')}
        </button>
      </div>
    </form>
  );
}
