import { useEffect, useId, useState } from 'react';
import type { Result } from '../../../shared/ipc/contract';
import { InlineError } from '../common/InlineError';
import { useAction } from '../common/useAction';

interface Props {
  label: string;
  /** The saved value (from the latest snapshot). */
  checked: boolean;
  onSave: (checked: boolean) => Promise<Result<unknown>>;
}

/**
 * A checkbox saved on change. It shows the new state at once rather than waiting for main's snapshot, and
 * goes back to the saved value (with the error beside it) when saving fails.
 */
export function SavedCheckbox({ label, checked, onSave }: Props) {
  const id = useId();
  const [shown, setShown] = useState(checked);
  const save = useAction(onSave);
  useEffect(() => setShown(checked), [checked]);
  return (
    <div className="field">
      <div className="field-inline">
        <input
          id={id}
          type="checkbox"
          checked={shown}
          onChange={(e) => {
            const next = e.target.checked;
            setShown(next);
            // `run` resolves undefined only on failure (a saved `null` is success).
            void save.run(next).then((value) => {
              if (value === undefined) setShown(checked);
            });
          }}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      <InlineError error={save.error} onDismiss={save.clearError} />
    </div>
  );
}
