import { useState } from 'react';
import type { IpcError, Result, SourceSettings, SourceSnapshot } from '../../../../shared/ipc/contract';
import { displayName } from '../../../../shared/domain/source';
import { useApi } from '../../common/api';
import { HealthBadge } from '../../common/HealthBadge';
import { RemoveSourceButton } from '../RemoveSourceButton';
import { CheckForm } from './CheckForm';
import { checkDraftOf, checkSummary, newCheckDraft, type CheckInput } from './check-draft';
import '../channels/channels.css';

/**
 * The settings window's "Your own endpoints" card: endpoint checks kept in the settings beside the status
 * pages (a source with a `check`), polled by the engine like the CLI's `--check`, shown in the status window
 * and the tray like any provider. Lists them with their live health and last response time; add, edit, remove.
 */
export function ChecksSettings({ sources, engineSources, defaultIntervalSeconds }: { sources: readonly SourceSettings[]; engineSources: readonly SourceSnapshot[]; defaultIntervalSeconds: number }) {
  const api = useApi();
  const checks = sources.filter((s) => s.check);
  const [editing, setEditing] = useState<{ id?: string } | undefined>();
  const [saved, setSaved] = useState<string | undefined>();

  async function save(input: CheckInput, id: string | undefined): Promise<IpcError | undefined> {
    let r: Result<SourceSettings>;
    try {
      r = id
        ? await api.updateSource(id, { name: input.name ?? '', intervalSeconds: input.intervalSeconds, check: input.check })
        : await api.addSource({ url: input.url, ...(input.name ? { name: input.name } : {}), intervalSeconds: input.intervalSeconds, check: input.check });
    } catch (err) {
      return { code: 'internal', message: err instanceof Error ? err.message : String(err) };
    }
    if (!r.ok) return r.error;
    setEditing(undefined);
    setSaved(`${id ? 'Saved' : 'Added'} ${displayName(r.value)}. It is checked now and every ${r.value.intervalSeconds} s.`);
    return undefined;
  }

  const editingSource = editing?.id ? checks.find((c) => c.id === editing.id) : undefined;
  return (
    <section className="card checks" aria-labelledby="checks-title">
      <h2 id="checks-title">Your own endpoints</h2>
      <p className="muted help">Watch URLs you run beside the vendors: down when the answer is wrong or missing, slow over a threshold.</p>
      {checks.length === 0 && !editing && <p className="muted">No endpoint checks yet.</p>}
      {checks.length > 0 && (
        <ul className="check-list">
          {checks.map((c) => {
            const live = engineSources.find((e) => e.id === c.id);
            const name = displayName(c, live?.name);
            const observed = live?.status?.check;
            return (
              <li key={c.id} className="check-row" data-source-id={c.id}>
                <strong>{name}</strong>
                <HealthBadge health={live?.health ?? 'unknown'} />
                {observed?.responseTimeMs !== undefined && <span className="muted">{observed.responseTimeMs} ms</span>}
                {observed?.failure && <span className="field-error">{observed.failure}</span>}
                <span className="channel-actions">
                  <button type="button" onClick={() => { setSaved(undefined); setEditing({ id: c.id }); }} aria-label={`Edit ${name}`}>
                    Edit
                  </button>
                  <RemoveSourceButton id={c.id} name={name} />
                </span>
                <span className="check-url">
                  {c.url} — {checkSummary(c.check!)}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {saved && (
        <p className="success" role="status">
          {saved}
        </p>
      )}
      {editing ? (
        <CheckForm
          key={editing.id ?? 'new'}
          initial={editingSource ? checkDraftOf(editingSource) : newCheckDraft(defaultIntervalSeconds)}
          isNew={!editingSource}
          onSave={(input) => save(input, editingSource?.id)}
          onCancel={() => setEditing(undefined)}
        />
      ) : (
        <div className="row">
          <button type="button" onClick={() => { setSaved(undefined); setEditing({}); }}>
            New endpoint check…
          </button>
        </div>
      )}
    </section>
  );
}
