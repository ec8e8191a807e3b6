import { useEffect, useId, useState, type FormEvent } from 'react';
import type { Result } from '../../../shared/ipc/contract';
import { InlineError } from '../common/InlineError';
import { useAction } from '../common/useAction';
import { overrideFor } from './name-override';

interface Props {
  /** The saved display-name override ('' when none). */
  current: string;
  /** The name the provider's document gives (else the host): what shows when there is no override. */
  pageName: string;
  /** Names the Rename button for screen readers when several rows are open ("Rename GitHub"). */
  shownName: string;
  onSave: (name: string) => Promise<Result<unknown>>;
}

/**
 * The display name, filled in with the name in use (the override, else the page's own) so it can be edited
 * rather than retyped. Its own Save (Enter saves), offered once the text differs. Emptying it, or typing the
 * page's own name, drops the override.
 */
export function RenameField({ current, pageName, shownName, onSave }: Props) {
  const id = useId();
  const helpId = useId();
  const shown = current || pageName;
  const [draft, setDraft] = useState(shown);
  const save = useAction(onSave);
  // A saved change (from here or another window) replaces the draft.
  useEffect(() => setDraft(shown), [shown]);
  const next = overrideFor(draft, pageName);
  const changed = next !== current;
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (changed) await save.run(next);
  }
  return (
    <form className="field" onSubmit={(e) => void onSubmit(e)}>
      <label htmlFor={id}>Name</label>
      <div className="row">
        <input id={id} type="text" value={draft} aria-describedby={helpId} onChange={(e) => setDraft(e.target.value)} />
        <button type="submit" disabled={!changed || save.pending} aria-label={`Rename ${shownName}`}>
          Rename
        </button>
      </div>
      <p id={helpId} className="muted help">
        Empty uses the page’s own name{pageName ? ` (${pageName})` : ''}.
      </p>
      <InlineError error={save.error} onDismiss={save.clearError} />
    </form>
  );
}
