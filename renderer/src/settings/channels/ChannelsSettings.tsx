import { useCallback, useEffect, useState } from 'react';
import type { ChannelView, IpcError, SourceSettings, SourceSnapshot } from '../../../../shared/ipc/contract';
import { displayName } from '../../../../shared/domain/source';
import { useApi } from '../../common/api';
import { InlineError } from '../../common/InlineError';
import { ChannelForm } from './ChannelForm';
import { ChannelRow } from './ChannelRow';
import { draftOf, newDraft, type ChannelDraft } from './channel-draft';
import './channels.css';

/** A new channel id: a UUID where the page has one (secure contexts), else time and randomness. */
function newChannelId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `ch-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * The settings window's "Alert channels" card: the channels with their test buttons and delivery logs, and
 * the form to add or edit one. Secrets typed here go to main once and are never shown again.
 */
export function ChannelsSettings({ sources, engineSources }: { sources: readonly SourceSettings[]; engineSources: readonly SourceSnapshot[] }) {
  const api = useApi();
  const [views, setViews] = useState<ChannelView[] | undefined>();
  const [loadError, setLoadError] = useState<IpcError | undefined>();
  const [editing, setEditing] = useState<{ draft: ChannelDraft; isNew: boolean; stored: ChannelView['secretsSet'] } | undefined>();
  const [saved, setSaved] = useState<string | undefined>();

  const reload = useCallback(async () => {
    try {
      const r = await api.listChannels();
      if (r.ok) {
        setViews(r.value);
        setLoadError(undefined);
      } else setLoadError(r.error);
    } catch (err) {
      setLoadError({ code: 'internal', message: err instanceof Error ? err.message : String(err) });
    }
  }, [api]);
  useEffect(() => void reload(), [reload]);

  const nameOf = (id: string) => {
    const s = sources.find((x) => x.id === id);
    return s ? displayName(s, engineSources.find((e) => e.id === id)?.name) : id;
  };

  return (
    <section className="card channels" aria-labelledby="channels-title">
      <h2 id="channels-title">Alert channels</h2>
      <p className="muted help">Send incidents to Slack, Discord, Microsoft Teams, a webhook or email, beside the desktop notifications.</p>
      <InlineError error={loadError} />
      {views && views.length === 0 && !editing && <p className="muted channels-empty">No channels yet. Add one to tell your team where it talks.</p>}
      {views && views.length > 0 && (
        <ul className="channel-list">
          {views.map((v) => (
            <ChannelRow
              key={v.channel.id}
              view={v}
              nameOf={nameOf}
              onEdit={() => {
                setSaved(undefined);
                setEditing({ draft: draftOf(v.channel), isNew: false, stored: v.secretsSet });
              }}
              onRemoved={() => void reload()}
            />
          ))}
        </ul>
      )}
      {saved && (
        <p className="success" role="status">
          {saved}
        </p>
      )}
      {editing ? (
        <ChannelForm
          key={editing.draft.id}
          initial={editing.draft}
          storedSecrets={editing.stored}
          isNew={editing.isNew}
          sources={sources}
          nameOf={nameOf}
          onCancel={() => setEditing(undefined)}
          onSaved={(view) => {
            setEditing(undefined);
            setSaved(`Saved ${view.channel.name ?? 'the channel'}.`);
            void reload();
          }}
        />
      ) : (
        <div className="row">
          <button
            type="button"
            onClick={() => {
              setSaved(undefined);
              setEditing({ draft: newDraft(newChannelId()), isNew: true, stored: [] });
            }}
          >
            New channel…
          </button>
        </div>
      )}
    </section>
  );
}
