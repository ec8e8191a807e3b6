import { useEffect, useId, useState } from 'react';
import { describeFilter } from '../../../shared/app/catalog-search';
import type { NotifyLevel, SourcePatch, SourceSettings, SourceSnapshot } from '../../../shared/ipc/contract';
import { useApi } from '../common/api';
import { HealthBadge } from '../common/HealthBadge';
import { InlineError } from '../common/InlineError';
import { NOTIFY_LABEL } from '../common/labels';
import { useAction } from '../common/useAction';
import { useNow } from '../common/useNow';
import { SnoozeControl } from '../common/SnoozeControl';
import { ComponentChooser } from './ComponentChooser';
import { IntervalField } from './IntervalField';
import { RemoveSourceButton } from './RemoveSourceButton';
import { RenameField } from './RenameField';
import { SavedCheckbox } from './SavedCheckbox';

const NOTIFY_LEVELS: readonly NotifyLevel[] = ['all', 'major', 'none'];

/**
 * One watched source: its name (renamable), URL, the components that count (editable), current health, on/off,
 * how loudly it may notify, maintenance notifications, snooze, how often it is checked, and remove (with
 * confirmation). Each change is saved at once and errors show inline.
 */
export function SourceRow({ source, live }: { source: SourceSettings; live: SourceSnapshot | undefined }) {
  const api = useApi();
  const notifyId = useId();
  const update = useAction((patch: SourcePatch) => api.updateSource(source.id, patch));
  // Shown at once; the saved value comes back with the next snapshot, or on failure.
  const [notify, setNotify] = useState(source.notify);
  useEffect(() => setNotify(source.notify), [source.notify]);
  const now = useNow();
  const displayName = source.name ?? live?.name ?? hostOf(source.url);
  const narrowed = describeFilter(source.filter);
  return (
    <li className="source-row" data-source-id={source.id}>
      <div className="source-row-head">
        <h3 className="source-name">{displayName}</h3>
        <HealthBadge health={live?.health ?? 'unknown'} />
        <RemoveSourceButton id={source.id} name={displayName} />
      </div>
      <p className="source-url">{source.url}</p>
      {narrowed && <p className="source-filter">Only {narrowed}</p>}
      <div className="source-fields">
        <RenameField current={source.name ?? ''} placeholder={live?.status?.provider ?? displayName} onSave={(name) => api.updateSource(source.id, { name })} />
        <SavedCheckbox
          label="Check this status page"
          checked={source.enabled}
          onSave={(enabled) => api.updateSource(source.id, { enabled })}
        />
        <div className="field">
          <label htmlFor={notifyId}>Notify me about</label>
          <select
            id={notifyId}
            value={notify}
            onChange={(e) => {
              const next = e.target.value as NotifyLevel;
              setNotify(next);
              void update.run({ notify: next }).then((saved) => {
                if (!saved) setNotify(source.notify);
              });
            }}
          >
            {NOTIFY_LEVELS.map((level) => (
              <option key={level} value={level}>
                {NOTIFY_LABEL[level]}
              </option>
            ))}
          </select>
        </div>
        <IntervalField
          label="Check every (seconds)"
          value={source.intervalSeconds}
          onSave={(intervalSeconds) => api.updateSource(source.id, { intervalSeconds })}
        />
        <SavedCheckbox
          label="Notify me when maintenance starts and ends"
          checked={source.notifyMaintenance ?? false}
          onSave={(notifyMaintenance) => api.updateSource(source.id, { notifyMaintenance })}
        />
        <SnoozeControl
          sourceId={source.id}
          name={displayName}
          snooze={source.snooze}
          openIncidentIds={live?.status?.activeIncidents.map((i) => i.id) ?? []}
          now={now}
        />
      </div>
      <ComponentChooser source={source} live={live} />
      <InlineError error={update.error} onDismiss={update.clearError} />
    </li>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
