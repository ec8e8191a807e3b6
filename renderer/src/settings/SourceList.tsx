import type { SourceSettings, SourceSnapshot } from '../../../shared/ipc/contract';
import { SourceRow } from './SourceRow';

/** The watched sources, in the order they were added, each editable. */
export function SourceList({ sources: all, engineSources }: { sources: readonly SourceSettings[]; engineSources: readonly SourceSnapshot[] }) {
  // Your own endpoints have their own card (checks/ChecksSettings.tsx).
  const sources = all.filter((s) => !s.check);
  const byId = new Map(engineSources.map((s) => [s.id, s]));
  return (
    <section className="card" aria-labelledby="sources-title">
      <h2 id="sources-title">Status pages</h2>
      {sources.length === 0 ? (
        <p className="muted">Nothing watched yet. Add a status page above.</p>
      ) : (
        <ul className="source-list">
          {sources.map((source) => (
            <SourceRow key={source.id} source={source} live={byId.get(source.id)} />
          ))}
        </ul>
      )}
    </section>
  );
}
