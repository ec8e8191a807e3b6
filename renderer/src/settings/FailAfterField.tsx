import { useEffect, useId, useState, type FormEvent } from 'react';
import { DEFAULT_FAIL_AFTER_POLLS, MAX_FAIL_AFTER_POLLS, MIN_FAIL_AFTER_POLLS } from '../../../shared/domain/noise';
import { useApi } from '../common/api';
import { InlineError } from '../common/InlineError';
import { useAction } from '../common/useAction';

/** Flap suppression: how many failed checks in a row before a page shows as failing (its last status stays meanwhile). */
export function FailAfterField({ saved }: { saved: number | undefined }) {
  const api = useApi();
  const id = useId();
  const value = saved ?? DEFAULT_FAIL_AFTER_POLLS;
  const [draft, setDraft] = useState(String(value));
  const save = useAction((n: number) => api.setFailAfterPolls(n));
  useEffect(() => setDraft(String(value)), [value]);
  const n = Number(draft);
  const valid = Number.isInteger(n) && n >= MIN_FAIL_AFTER_POLLS && n <= MAX_FAIL_AFTER_POLLS;
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (valid) await save.run(n);
  }
  return (
    <form className="field" onSubmit={(e) => void onSubmit(e)} noValidate>
      <label htmlFor={id}>Show a page as failing after this many failed checks in a row</label>
      <div className="row">
        <input id={id} type="number" min={MIN_FAIL_AFTER_POLLS} max={MAX_FAIL_AFTER_POLLS} step={1} value={draft} aria-invalid={valid ? undefined : true} onChange={(e) => setDraft(e.target.value)} />
        <button type="submit" disabled={save.pending || !valid || n === value}>
          Save
        </button>
      </div>
      {!valid && (
        <p className="field-error" role="alert">
          Use a whole number from {MIN_FAIL_AFTER_POLLS} to {MAX_FAIL_AFTER_POLLS}.
        </p>
      )}
      <InlineError error={save.error} onDismiss={save.clearError} />
    </form>
  );
}
