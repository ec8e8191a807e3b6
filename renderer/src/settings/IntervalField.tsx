import { useEffect, useId, useState, type FormEvent } from 'react';
import type { Result } from '../../../shared/ipc/contract';
import { InlineError } from '../common/InlineError';
import { useAction } from '../common/useAction';
import { MAX_INTERVAL_SECONDS, MIN_INTERVAL_SECONDS } from '../../../shared/domain/source';
import { checkIntervalMinutes, minutesValue } from './interval-minutes';

interface Props {
  /** Visible label; should say the unit, minutes. */
  label: string;
  /** Saved value, seconds. */
  value: number;
  /** Accessible name of Save when several fields show at once ("Save interval for GitHub"); contains "Save". */
  saveLabel?: string;
  onSave: (seconds: number) => Promise<Result<unknown>>;
}

/**
 * A poll interval typed in minutes (1 min to one day; "1.5" is 90 s) with its own Save; invalid input is
 * explained, not sent. Saved as seconds.
 */
export function IntervalField({ label, value, saveLabel, onSave }: Props) {
  const id = useId();
  const errorId = useId();
  const [draft, setDraft] = useState(minutesValue(value));
  const [invalid, setInvalid] = useState<string | undefined>();
  const save = useAction(onSave);
  // A saved change (from here or another window) replaces the draft.
  useEffect(() => setDraft(minutesValue(value)), [value]);
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = checkIntervalMinutes(draft);
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
          inputMode="decimal"
          min={MIN_INTERVAL_SECONDS / 60}
          max={MAX_INTERVAL_SECONDS / 60}
          step="any"
          value={draft}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={invalid ? errorId : undefined}
          onChange={(e) => {
            setDraft(e.target.value);
            setInvalid(undefined);
          }}
        />
        <button type="submit" disabled={save.pending || draft === minutesValue(value)} {...(saveLabel ? { 'aria-label': saveLabel } : {})}>
          Save
        </button>
      </div>
      {invalid && (
        <p id={errorId} className="field-error" role="alert">
          {invalid}
        </p>
      )}
      <InlineError error={save.error} onDismiss={save.clearError} />
    </form>
  );
}
