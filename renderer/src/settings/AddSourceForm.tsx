import { useDeferredValue, useEffect, useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { searchServices } from '../../../shared/app/catalog-search';
import { sourceKey } from '../../../shared/domain/source-key';
import { CATALOG, prepareCatalogSearch } from '../../../shared/catalog/index';
import type { CatalogEntry } from '../../../shared/catalog/types';
import type { AddSourceInput, SourcePreview, SourceSettings } from '../../../shared/ipc/contract';
import { useApi } from '../common/api';
import { InlineError } from '../common/InlineError';
import { classifyAddInput } from '../common/input-kind';
import { useAction } from '../common/useAction';
import { CatalogResults } from './CatalogResults';
import { PreviewCard } from './PreviewCard';

/** Most catalog matches listed at once. */
const MAX_RESULTS = 8;
const PLACEHOLDER = `Search ${(Math.floor(CATALOG.length / 100) * 100).toLocaleString('en-US')}+ services or paste a status page URL`;

/** The input for a previewed source: the discovered URL, and the catalog entry's name and filter when it came from one. */
function inputFromPreview(p: SourcePreview, customName: string): AddSourceInput {
  const name = customName.trim() || p.catalog?.name;
  return { url: p.sourceUrl, ...(name ? { name } : {}), ...(p.catalog?.filter ? { filter: p.catalog.filter } : {}) };
}

/** The sentence for a search that found nothing: say what to do instead. */
export function noMatchMessage(query: string): string {
  return `No service matches “${query}” — paste its status page address (https://…) instead.`;
}

/**
 * Add a status page: typing searches the catalog (typos tolerated; arrow keys and Enter, or a click, add an
 * entry at once); a pasted or typed address goes through discovery ("Preview", automatic on paste) and Add
 * saves the source it found. Entries already watched (same URL and filter) say "Already watching", and
 * picking one shows that source in the list (`onShow`) instead; the controller refuses duplicates anyway.
 * A search that finds nothing says so as you type, and what to paste instead.
 */
export function AddSourceForm({ sources, onShow }: { sources: readonly SourceSettings[]; onShow: (sourceId: string) => void }) {
  const api = useApi();
  const inputId = useId();
  const listId = useId();
  const nameId = useId();
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState<string | undefined>();
  const [preview, setPreview] = useState<SourcePreview | undefined>();
  const [added, setAdded] = useState<string | undefined>();
  const [shown, setShown] = useState<string | undefined>();
  const [active, setActive] = useState(-1);
  const [addingId, setAddingId] = useState<string | undefined>();
  const [name, setName] = useState('');
  const pasted = useRef(false);
  const previewAction = useAction((target: string) => api.previewSource(target));
  // Index the catalog while the window is idle, so the first search (or first typo) does not wait for it.
  useEffect(() => {
    const handle = window.requestIdleCallback(() => prepareCatalogSearch(), { timeout: 5_000 });
    return () => window.cancelIdleCallback(handle);
  }, []);
  const addAction = useAction((input: AddSourceInput) => api.addSource(input));

  const input = classifyAddInput(text);
  const query = input.kind === 'search' || input.kind === 'host' ? input.query : '';
  // Typing stays responsive while a typo search over the whole catalog runs.
  const searched = useDeferredValue(query);
  const results = useMemo(() => (searched ? searchServices(searched, MAX_RESULTS) : []), [searched]);
  const watched = useMemo(() => new Map(sources.map((s) => [sourceKey(s), s.id])), [sources]);
  const watchedId = (e: CatalogEntry) => watched.get(sourceKey({ url: e.sourceUrl, filter: e.filter }));
  // While the deferred search catches up the previous results stay, rather than the list flickering shut.
  const open = results.length > 0 && !preview && query !== '';
  const noMatch = input.kind === 'search' && query !== '' && searched === query && results.length === 0 && !preview;
  const optionId = (i: number) => `${listId}-option-${i}`;

  function reset(): void {
    setText('');
    setName('');
    setActive(-1);
    setPreview(undefined);
  }

  async function runPreview(url: string): Promise<void> {
    setAdded(undefined);
    setShown(undefined);
    setInvalid(undefined);
    addAction.clearError();
    setPreview(await previewAction.run(url));
  }

  async function addEntry(entry: CatalogEntry): Promise<void> {
    setAdded(undefined);
    setShown(undefined);
    setInvalid(undefined);
    const existing = watchedId(entry);
    if (existing) {
      reset();
      setShown(entry.name);
      onShow(existing);
      return;
    }
    // A presumed platform is only a guess from a list: preview through discovery, which falls back to reading
    // the page itself when the guessed source does not parse, and add what it really found.
    if (entry.presumed) return runPreview(entry.id);
    setAddingId(entry.id);
    const saved = await addAction.run({ url: entry.sourceUrl, name: entry.name, ...(entry.filter ? { filter: entry.filter } : {}) });
    setAddingId(undefined);
    if (!saved) return;
    setAdded(entry.name);
    reset();
  }

  async function addPreviewed(): Promise<void> {
    if (!preview) return;
    const saved = await addAction.run(inputFromPreview(preview, name));
    if (!saved) return;
    setAdded(saved.name ?? preview.provider);
    reset();
  }

  function onSubmit(event: FormEvent): void {
    event.preventDefault();
    setAdded(undefined);
    setShown(undefined);
    const highlighted = open && active >= 0 ? results[active] : undefined;
    if (highlighted) return void addEntry(highlighted);
    switch (input.kind) {
      case 'empty':
        return setInvalid('Type a service name, or paste the address of a status page such as https://www.githubstatus.com.');
      case 'invalid-url':
        return setInvalid(input.message);
      case 'url':
        return void runPreview(input.url);
      case 'host':
        return void runPreview(input.url);
      case 'search':
        return setInvalid(
          results.length > 0
            ? 'Choose a service from the list (arrow keys, then Enter), or paste a status page address.'
            : noMatchMessage(input.query),
        );
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (!open) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (a < 0 && step < 0 ? results.length - 1 : (a + step + results.length) % results.length));
    } else if (event.key === 'Escape') {
      event.preventDefault();
      reset();
    }
  }

  return (
    <section className="card" aria-labelledby="add-title">
      <h2 id="add-title">Add a status page</h2>
      <form className="add-form" onSubmit={onSubmit} noValidate>
        <label htmlFor={inputId}>Search services or paste a status page address</label>
        <div className="row">
          <input
            id={inputId}
            type="text"
            role="combobox"
            autoComplete="off"
            spellCheck={false}
            placeholder={PLACEHOLDER}
            value={text}
            aria-expanded={open}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
            aria-invalid={invalid ? true : undefined}
            aria-describedby={invalid ? `${inputId}-error` : `${inputId}-help`}
            onKeyDown={onKeyDown}
            onPaste={() => {
              pasted.current = true;
              // A paste that leaves the text unchanged fires no change; do not let the flag wait for the next keystroke.
              setTimeout(() => {
                pasted.current = false;
              }, 0);
            }}
            onChange={(e) => {
              const value = e.target.value;
              setText(value);
              setPreview(undefined);
              setInvalid(undefined);
              setShown(undefined);
              setActive(-1);
              if (pasted.current) {
                pasted.current = false;
                const kind = classifyAddInput(value);
                if (kind.kind === 'url') void runPreview(kind.url);
              }
            }}
          />
          <button type="submit" disabled={previewAction.pending}>
            {previewAction.pending ? 'Checking…' : 'Preview'}
          </button>
        </div>
        {invalid ? (
          <p id={`${inputId}-error`} className="field-error" role="alert">
            {invalid}
          </p>
        ) : noMatch ? (
          <p id={`${inputId}-help`} className="catalog-empty" role="status">
            {noMatchMessage(input.query)}
          </p>
        ) : (
          <p id={`${inputId}-help`} className="muted help">
            Big clouds: add one service or region, e.g. “ec2 us-east-1” or “Google Compute Engine”.
          </p>
        )}
        {open && (
          <CatalogResults
            id={listId}
            entries={results}
            active={active}
            isWatched={(e) => watchedId(e) !== undefined}
            addingId={addingId}
            optionId={optionId}
            onPick={(entry) => void addEntry(entry)}
            onHover={setActive}
          />
        )}
      </form>
      <InlineError error={previewAction.error} onDismiss={previewAction.clearError} />
      {preview && (
        <div className="preview">
          <PreviewCard preview={preview} />
          <label htmlFor={nameId}>Name (optional)</label>
          <div className="row">
            <input id={nameId} type="text" placeholder={preview.catalog?.name ?? preview.provider} value={name} onChange={(e) => setName(e.target.value)} />
            <button type="button" className="primary" onClick={() => void addPreviewed()} disabled={addAction.pending}>
              {addAction.pending ? 'Adding…' : `Add ${name.trim() || preview.catalog?.name || preview.provider}`}
            </button>
          </div>
        </div>
      )}
      <InlineError error={addAction.error} onDismiss={addAction.clearError} />
      {shown && (
        <p className="success" role="status">
          Already watching {shown}: it is open in the list below.
        </p>
      )}
      {added && (
        <p className="success" role="status">
          Added {added}. It appears in the status window after its first check.
        </p>
      )}
    </section>
  );
}
