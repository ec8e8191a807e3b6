import { useEffect, useId, useState, type FormEvent } from 'react';
import type { Result } from '../../../shared/ipc/contract';
import { InlineError } from '../common/InlineError';
import { useAction } from '../common/useAction';

interface Props {
  /** The saved display-name override ('' when none). */
  current: string;
  /** Shown when empty: the name the provider's document gives. */
  placeholder: string;
  onSave: (name: string) => Promise<Result<unknown>>;
}

/**
 * A display name with its own Save (Enter saves); saving is offered only once the text differs. Saving an
 * empty name drops the override, so the provider's own name shows again.
 */
export function RenameField({ current, placeholder, onSave }: Props) {
  const id = useId();
  const [draft, setDraft] = useState(current);
  const save = useAction(onSave);
  // A saved change (from here or another window) replaces the draft.
  useEffect(() => setDraft(current), [current]);
  const changed = draft.trim() !== current;
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (changed) await save.run(draft.trim());
  }
  return (
    <form className="field" onSubmit={(e) => void onSubmit(e)}>
      <label htmlFor={id}>Name</label>
      <div className="row">
        <input id={id} type="text" value={draft} placeholder={placeholder} onChange={(e) => setDraft(e.target.value)} />
        <button type="submit" disabled={!changed || save.pending}>
          Rename
        </button>
      </div>
      <InlineError error={save.error} onDismiss={save.clearError} />
    </form>
  );
}
