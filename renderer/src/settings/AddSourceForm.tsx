import { useId, useState, type FormEvent } from 'react';
import type { SourcePreview } from '../../../shared/ipc/contract';
import { useApi } from '../common/api';
import { InlineError } from '../common/InlineError';
import { useAction } from '../common/useAction';
import { checkSourceUrl } from '../common/validate';
import { PreviewCard } from './PreviewCard';

/**
 * Add a status page in two steps: "Preview" fetches the typed address once (main discovers the machine-readable
 * endpoint) and shows what was found; "Add" saves the previewed source URL. Editing the address drops the preview.
 */
export function AddSourceForm() {
  const api = useApi();
  const urlId = useId();
  const nameId = useId();
  const [url, setUrl] = useState('');
  const [name, setName] = useState('');
  const [invalid, setInvalid] = useState<string | undefined>();
  const [preview, setPreview] = useState<SourcePreview | undefined>();
  const [added, setAdded] = useState<string | undefined>();
  const previewAction = useAction((target: string) => api.previewSource(target));
  const addAction = useAction((p: SourcePreview, customName: string) =>
    api.addSource(customName.trim() ? { url: p.sourceUrl, name: customName.trim() } : { url: p.sourceUrl }),
  );

  async function onPreview(event: FormEvent) {
    event.preventDefault();
    setAdded(undefined);
    const checked = checkSourceUrl(url);
    if (!checked.ok) {
      setInvalid(checked.message);
      return;
    }
    setInvalid(undefined);
    setPreview(await previewAction.run(checked.url));
  }

  async function onAdd() {
    if (!preview) return;
    const saved = await addAction.run(preview, name);
    if (!saved) return;
    setAdded(saved.name ?? preview.provider);
    setPreview(undefined);
    setUrl('');
    setName('');
  }

  return (
    <section className="card" aria-labelledby="add-title">
      <h2 id="add-title">Add a status page</h2>
      <form className="add-form" onSubmit={(e) => void onPreview(e)} noValidate>
        <label htmlFor={urlId}>Status page address</label>
        <div className="row">
          <input
            id={urlId}
            type="url"
            inputMode="url"
            placeholder="https://www.githubstatus.com"
            value={url}
            aria-invalid={invalid ? true : undefined}
            aria-describedby={invalid ? `${urlId}-error` : undefined}
            onChange={(e) => {
              setUrl(e.target.value);
              setPreview(undefined);
              setInvalid(undefined);
            }}
          />
          <button type="submit" disabled={previewAction.pending}>
            {previewAction.pending ? 'Checking…' : 'Preview'}
          </button>
        </div>
        {invalid && (
          <p id={`${urlId}-error`} className="field-error" role="alert">
            {invalid}
          </p>
        )}
      </form>
      <InlineError error={previewAction.error} onDismiss={previewAction.clearError} />
      {preview && (
        <div className="preview">
          <PreviewCard preview={preview} />
          <label htmlFor={nameId}>Name (optional)</label>
          <div className="row">
            <input id={nameId} type="text" placeholder={preview.provider} value={name} onChange={(e) => setName(e.target.value)} />
            <button type="button" className="primary" onClick={() => void onAdd()} disabled={addAction.pending}>
              {addAction.pending ? 'Adding…' : `Add ${name.trim() || preview.provider}`}
            </button>
          </div>
        </div>
      )}
      <InlineError error={addAction.error} onDismiss={addAction.clearError} />
      {added && (
        <p className="success" role="status">
          Added {added}. It appears in the status window after its first check.
        </p>
      )}
    </section>
  );
}
