import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { NotifyLevel, SourcePatch, SourceSettings, SourceSnapshot } from '../../../shared/ipc/contract';
import { useApi } from '../common/api';
import { InlineError } from '../common/InlineError';
import { HEALTH_LABEL, NOTIFY_LABEL } from '../common/labels';
import { useAction } from '../common/useAction';
import { useNow } from '../common/useNow';
import { SnoozeControl } from '../common/SnoozeControl';
import { ComponentChooser } from './ComponentChooser';
import { IntervalField } from './IntervalField';
import { intervalShort } from './interval-minutes';
import { RemoveSourceButton } from './RemoveSourceButton';
import { RenameField } from './RenameField';
import { SavedCheckbox } from './SavedCheckbox';
import type { SourceFacts } from './source-filter';

const NOTIFY_LEVELS: readonly NotifyLevel[] = ['all', 'major', 'none'];

/** The glyph beside each health word, as on the status window's badges (read with the word, never alone). */
const HEALTH_GLYPH = { operational: '✓', maintenance: '⚙', degraded: '!', partial_outage: '▲', major_outage: '✕', unknown: '?' } as const;

export interface SourceRowProps {
  source: SourceSettings;
  live: SourceSnapshot | undefined;
  facts: SourceFacts;
  expanded: boolean;
  onToggle: () => void;
  /** Keys on the row's toggle (the list moves between rows with the arrow keys). */
  onToggleKeyDown: (event: KeyboardEvent<HTMLButtonElement>) => void;
  toggleRef: (el: HTMLButtonElement | null) => void;
}

/**
 * One watched source as a single line (name, host, health or "Off", how often it is checked) that opens to
 * edit it: name, on/off, how loudly it may notify, interval in minutes, maintenance notifications, snooze,
 * components, remove (with confirmation). Each change is saved at once and errors show inline. Escape
 * inside the editor closes it and puts focus back on the line.
 */
export function SourceRow({ source, live, facts, expanded, onToggle, onToggleKeyDown, toggleRef }: SourceRowProps) {
  const editorId = useId();
  const health = live?.health ?? 'unknown';
  const interval = intervalShort(source.intervalSeconds);
  const ownToggle = useRef<HTMLButtonElement | null>(null);
  return (
    <li className="source-row" data-source-id={source.id} data-health={health} data-enabled={source.enabled}>
      <h3 className="source-heading">
        <button
          ref={(el) => {
            ownToggle.current = el;
            toggleRef(el);
          }}
          type="button"
          className="source-toggle"
          aria-expanded={expanded}
          aria-controls={expanded ? editorId : undefined}
          onClick={onToggle}
          onKeyDown={onToggleKeyDown}
        >
          <span className="source-chevron" aria-hidden="true" />
          <span className="source-title">
            <span className="source-name">{facts.name}</span>
            <span className="source-host">{facts.host}</span>
          </span>
          {source.enabled ? (
            <span className={`source-health health-text-${health}`}>
              <span className="health-glyph" aria-hidden="true">{HEALTH_GLYPH[health]}</span>
              <span className="source-health-word">{HEALTH_LABEL[health]}</span>
            </span>
          ) : (
            <span className="source-health source-off">Off</span>
          )}
          <span className="source-interval" title={`Checked every ${interval}`}>
            <span className="visually-hidden">every </span>
            {interval}
          </span>
        </button>
      </h3>
      {expanded && (
        <SourceEditor
          id={editorId}
          source={source}
          live={live}
          facts={facts}
          onClose={() => {
            onToggle();
            ownToggle.current?.focus();
          }}
        />
      )}
    </li>
  );
}

function SourceEditor({ id, source, live, facts, onClose }: { id: string; source: SourceSettings; live: SourceSnapshot | undefined; facts: SourceFacts; onClose: () => void }) {
  const api = useApi();
  const notifyId = useId();
  const update = useAction((patch: SourcePatch) => api.updateSource(source.id, patch));
  // Shown at once; the saved value comes back with the next snapshot, or on failure.
  const [notify, setNotify] = useState(source.notify);
  useEffect(() => setNotify(source.notify), [source.notify]);
  const now = useNow();
  return (
    <div
      id={id}
      className="source-editor"
      role="group"
      aria-label={`Edit ${facts.name}`}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || e.defaultPrevented) return;
        e.preventDefault();
        onClose();
      }}
    >
      <p className="source-url">{source.url}</p>
      {facts.narrowed && <p className="source-filter">Only {facts.narrowed}</p>}
      {facts.platform && <p className="muted source-platform">{facts.platform}</p>}
      <div className="source-fields">
        <RenameField
          current={source.name ?? ''}
          pageName={live?.status?.provider ?? facts.host}
          shownName={facts.name}
          onSave={(name) => api.updateSource(source.id, { name })}
        />
        <SavedCheckbox label="Check this status page" checked={source.enabled} onSave={(enabled) => api.updateSource(source.id, { enabled })} />
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
          label="Check every (minutes)"
          value={source.intervalSeconds}
          saveLabel={`Save interval for ${facts.name}`}
          onSave={(intervalSeconds) => api.updateSource(source.id, { intervalSeconds })}
        />
        <SavedCheckbox
          label="Notify me when maintenance starts and ends"
          checked={source.notifyMaintenance ?? false}
          onSave={(notifyMaintenance) => api.updateSource(source.id, { notifyMaintenance })}
        />
        <SnoozeControl
          sourceId={source.id}
          name={facts.name}
          snooze={source.snooze}
          openIncidentIds={live?.status?.activeIncidents.map((i) => i.id) ?? []}
          now={now}
        />
      </div>
      <ComponentChooser source={source} live={live} name={facts.name} />
      <div className="source-editor-foot">
        <RemoveSourceButton id={source.id} name={facts.name} />
      </div>
      <InlineError error={update.error} onDismiss={update.clearError} />
    </div>
  );
}
