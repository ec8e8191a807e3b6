import { useEffect, useId, useState, type FormEvent } from 'react';
import type { Result } from '../../../shared/ipc/contract';
import { InlineError } from '../common/InlineError';
import { useAction } from '../common/useAction';
import { MAX_INTERVAL_SECONDS, MIN_INTERVAL_SECONDS } from '../../../shared/domain/source';
import { checkIntervalSeconds } from '../common/validate';

interface Props {
  label: string;
  /** Saved value, seconds. */
  value: number;
  onSave: (seconds: number) => Promise<Result<unknown>>;
}

/** A poll interval in seconds (60 s to one day) with its own Save; invalid input is explained, not sent. */
export function IntervalField({ label, value, onSave }: Props) {
  const id = useId();
  const [draft, setDraft] = useState(String(value));
  const [invalid, setInvalid] = useState<string | undefined>();
  const save = useAction(onSave);
  // A saved change (from here or another window) replaces the draft.
  useEffect(() => setDraft(String(value)), [value]);
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = checkIntervalSeconds(draft);
    if (!checked.ok) {
      setInvalid(checked.message);
      return;
    }
    setInvalid(undefined);
    await save.run(checked.seconds);
  }
  return (
    <form className="field" onSubmit={(e) => void onSubmit(e)} noValidate>
      <label htmlFor={id}>{label}</label>
      <div className="row">
        <input
          id={id}
          type="number"
          min={MIN_INTERVAL_SECONDS}
          max={MAX_INTERVAL_SECONDS}
          step={1}
          value={draft}
          aria-invalid={invalid ? true : undefined}
          onChange={(e) => {
            setDraft(e.target.value);
            setInvalid(undefined);
          }}
        />
        <button type="submit" disabled={save.pending || draft === String(value)}>
          Save
        </button>
      </div>
      {invalid && (
        <p className="field-error" role="alert">
          {invalid}
        </p>
      )}
      <InlineError error={save.error} onDismiss={save.clearError} />
    </form>
  );
}
