import { useState } from 'react';
import type { ApiError, Result } from '../../../shared/api/result';

/**
 * A form's save request: `saving` while it runs, then `onSaved` with the value, or the error
 * kept in `error` for the form to show. Editing clears the error with `setError(null)`.
 */
export function useSaveRequest<T>(onSaved: (value: T) => void) {
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const save = async (request: Promise<Result<T>>) => {
    setSaving(true);
    const result = await request;
    setSaving(false);
    if (result.ok) onSaved(result.value);
    else setError(result.error);
  };
  return { error, setError, saving, save };
}
