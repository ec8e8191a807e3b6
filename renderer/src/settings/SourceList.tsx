import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { SourceSettings, SourceSnapshot } from '../../../shared/ipc/contract';
import { nextIndex } from './list-keys';
import { SourceRow } from './SourceRow';
import { filterSources, sourceFacts } from './source-filter';

/** A request to bring one source into view, open and focused; `seq` makes asking twice for the same one count. */
export interface RevealRequest {
  id: string;
  seq: number;
}

const pages = (n: number) => (n === 1 ? '1 status page' : `${n} status pages`);

/**
 * The watched sources, in the order they were added, one line each; a line opens to edit that source.
 * A filter box narrows the list by name, host or platform (arrow down from it goes to the first line; up
 * and down, Home and End move between lines; Escape clears it). `reveal` opens, scrolls to and focuses a
 * source, clearing a filter that hides it.
 */
export function SourceList({ sources: all, engineSources, reveal }: { sources: readonly SourceSettings[]; engineSources: readonly SourceSnapshot[]; reveal?: RevealRequest | undefined }) {
  const filterId = useId();
  // Your own endpoints have their own tab (checks/ChecksSettings.tsx).
  const sources = useMemo(() => all.filter((s) => !s.check), [all]);
  const [query, setQuery] = useState('');
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const [focusId, setFocusId] = useState<string | undefined>();
  const toggles = useRef(new Map<string, HTMLButtonElement>());
  const byId = useMemo(() => new Map(engineSources.map((s) => [s.id, s])), [engineSources]);
  const rows = useMemo(() => sources.map((source) => ({ ...sourceFacts(source, byId.get(source.id)), source })), [sources, byId]);
  const shown = filterSources(rows, query);

  useEffect(() => {
    if (!reveal) return;
    if (!filterSources(rows, query).some((r) => r.id === reveal.id)) setQuery('');
    setExpanded((prev) => new Set(prev).add(reveal.id));
    setFocusId(reveal.id);
    // Only a new request reveals; later snapshots must not pull the list back to it.
  }, [reveal?.seq]);

  useEffect(() => {
    if (!focusId) return;
    const el = toggles.current.get(focusId);
    if (!el) return;
    el.focus();
    el.scrollIntoView({ block: 'nearest' });
    setFocusId(undefined);
  });

  // A removed row takes the focus with it (its Remove button is gone): hand it to the line that took its
  // place, else the one before, so a keyboard user is not thrown back to the top of the page.
  const shownIds = shown.map((r) => r.id);
  const lastShown = useRef<string[]>(shownIds);
  useEffect(() => {
    const before = lastShown.current;
    lastShown.current = shownIds;
    const gone = before.findIndex((id) => !sources.some((s) => s.id === id));
    if (gone < 0 || (document.activeElement && document.activeElement !== document.body)) return;
    const next = shownIds[Math.min(gone, shownIds.length - 1)];
    if (next) toggles.current.get(next)?.focus();
    else document.getElementById(filterId)?.focus();
  });

  const toggle = (id: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  function onRowKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number): void {
    if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') return;
    const next = nextIndex(event.key, index, shown.length);
    if (next === undefined) return;
    // Up from the first line goes back to the filter box rather than wrapping to the last.
    if (event.key === 'ArrowUp' && index === 0) {
      event.preventDefault();
      document.getElementById(filterId)?.focus();
      return;
    }
    event.preventDefault();
    const target = shown[next];
    if (target) toggles.current.get(target.id)?.focus();
  }

  return (
    <section className="card" aria-labelledby="sources-title">
      <h2 id="sources-title">Status pages</h2>
      {sources.length === 0 ? (
        <p className="muted">Nothing watched yet. Search for a service above, or paste the address of its status page.</p>
      ) : (
        <>
          <div className="source-filter-box">
            <label htmlFor={filterId} className="visually-hidden">
              Filter status pages
            </label>
            <input
              id={filterId}
              type="search"
              placeholder="Filter status pages"
              title="Filter by name, host or platform"
              autoComplete="off"
              spellCheck={false}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'ArrowDown' && shown[0]) {
                  e.preventDefault();
                  toggles.current.get(shown[0].id)?.focus();
                } else if (e.key === 'Escape' && query) {
                  e.preventDefault();
                  setQuery('');
                }
              }}
            />
            <p className="muted source-count" role="status">
              {query.trim() ? `${shown.length} of ${pages(sources.length)}` : pages(sources.length)}
            </p>
          </div>
          {shown.length === 0 ? (
            <div className="empty-filter">
              <p>No status page matches “{query.trim()}”.</p>
              <button type="button" className="link-button" onClick={() => setQuery('')}>
                Show all {pages(sources.length)}
              </button>
            </div>
          ) : (
            <ul className="source-list">
              {shown.map((row, index) => (
                <SourceRow
                  key={row.id}
                  source={row.source}
                  live={byId.get(row.id)}
                  facts={row}
                  expanded={expanded.has(row.id)}
                  onToggle={() => toggle(row.id)}
                  onToggleKeyDown={(e) => onRowKeyDown(e, index)}
                  toggleRef={(el) => {
                    if (el) toggles.current.set(row.id, el);
                    else toggles.current.delete(row.id);
                  }}
                />
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
