import { useId, useState, type FormEvent } from 'react';
import { CHECK_METHODS } from '../../../../shared/domain/check';
import type { IpcError } from '../../../../shared/ipc/contract';
import { FormFooter } from '../FormFooter';
import { BODY_RULE_LABELS, draftToCheck, type CheckDraft, type CheckInput } from './check-draft';

/**
 * Add or edit one endpoint check: URL, name, method, expected status codes, a body rule (contains / does not
 * contain text, matches / does not match a regular expression), timeout, interval, slow threshold, retries.
 * Problems are shown beside the form and nothing is saved; `onSave` reports main's own refusal.
 */
export function CheckForm({
  initial,
  isNew,
  onSave,
  onCancel,
}: {
  initial: CheckDraft;
  isNew: boolean;
  onSave: (input: CheckInput) => Promise<IpcError | undefined>;
  onCancel: () => void;
}) {
  const ids = { url: useId(), name: useId(), method: useId(), expect: useId(), rule: useId(), text: useId(), timeout: useId(), interval: useId(), slow: useId(), retries: useId() };
  const [d, setD] = useState(initial);
  const [problem, setProblem] = useState<{ error: string; field: keyof CheckDraft } | undefined>();
  const [error, setError] = useState<IpcError | undefined>();
  const [pending, setPending] = useState(false);
  const set = (patch: Partial<CheckDraft>) => {
    setD((old) => ({ ...old, ...patch }));
    setProblem(undefined);
  };
  const invalid = (field: keyof CheckDraft) => (problem?.field === field ? 'true' : undefined);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const built = draftToCheck(d);
    if ('error' in built) {
      setProblem(built);
      return;
    }
    setPending(true);
    setError(await onSave(built));
    setPending(false);
  }

  return (
    <form className="channel-form" aria-label={isNew ? 'New endpoint check' : `Edit check ${d.name || d.url}`} onSubmit={(e) => void onSubmit(e)} noValidate>
      <div className="field">
        <label htmlFor={ids.url}>Endpoint URL</label>
        <input id={ids.url} type="url" value={d.url} disabled={!isNew} placeholder="https://api.example.com/health" aria-invalid={invalid('url')} onChange={(e) => set({ url: e.target.value })} />
      </div>
      <div className="channel-fields">
        <div className="field">
          <label htmlFor={ids.name}>Name</label>
          <input id={ids.name} type="text" value={d.name} maxLength={100} placeholder="e.g. Our API" aria-invalid={invalid('name')} onChange={(e) => set({ name: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={ids.method}>Method</label>
          <select id={ids.method} value={d.method} onChange={(e) => set({ method: e.target.value as CheckDraft['method'] })}>
            {CHECK_METHODS.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.expect}>Expected status codes</label>
          <input id={ids.expect} type="text" value={d.expect} placeholder="any 2xx" aria-invalid={invalid('expect')} onChange={(e) => set({ expect: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={ids.rule}>Response body</label>
          <select id={ids.rule} value={d.bodyRule} onChange={(e) => set({ bodyRule: e.target.value as CheckDraft['bodyRule'] })}>
            {BODY_RULE_LABELS.map(([r, label]) => (
              <option key={r} value={r}>
                {label}
              </option>
            ))}
          </select>
        </div>
        {d.bodyRule !== 'none' && (
          <div className="field">
            <label htmlFor={ids.text}>{d.bodyRule === 'matches' || d.bodyRule === 'notMatches' ? 'Regular expression' : 'Text'}</label>
            <input id={ids.text} type="text" value={d.bodyText} aria-invalid={invalid('bodyText')} onChange={(e) => set({ bodyText: e.target.value })} />
          </div>
        )}
        <div className="field">
          <label htmlFor={ids.timeout}>Timeout (seconds)</label>
          <input id={ids.timeout} type="number" min={1} max={60} value={d.timeoutSeconds} aria-invalid={invalid('timeoutSeconds')} onChange={(e) => set({ timeoutSeconds: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={ids.interval}>Check every (seconds)</label>
          <input id={ids.interval} type="number" min={60} value={d.intervalSeconds} aria-invalid={invalid('intervalSeconds')} onChange={(e) => set({ intervalSeconds: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={ids.slow}>Slow over (ms)</label>
          <input id={ids.slow} type="number" min={50} value={d.slowMs} aria-invalid={invalid('slowMs')} onChange={(e) => set({ slowMs: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={ids.retries}>Retries before down</label>
          <input id={ids.retries} type="number" min={0} max={10} value={d.retries} aria-invalid={invalid('retries')} onChange={(e) => set({ retries: e.target.value })} />
        </div>
      </div>
      <FormFooter problem={problem?.error} submitLabel={isNew ? 'Add check' : 'Save check'} pending={pending} onCancel={onCancel} error={error} onDismissError={() => setError(undefined)} />
    </form>
  );
}
