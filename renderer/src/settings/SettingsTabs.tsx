import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { nextIndex } from './list-keys';

/** One tab: its id (also the URL hash that opens it), its label, and what its panel shows. */
export interface TabSpec {
  id: string;
  label: string;
  panel: () => ReactNode;
}

/**
 * Tabs as the WAI-ARIA tabs pattern has them: a tablist where only the selected tab is in the Tab order,
 * arrow keys (and Home, End) move to another tab and show it at once, and one tabpanel labelled by its tab.
 * Only the selected panel is rendered.
 */
export function SettingsTabs({ tabs, selected, onSelect, label }: { tabs: readonly TabSpec[]; selected: string; onSelect: (id: string) => void; label: string }) {
  const base = useId();
  const refs = useRef(new Map<string, HTMLButtonElement>());
  const current = tabs.find((t) => t.id === selected) ?? tabs[0];
  const tabId = (id: string) => `${base}-tab-${id}`;
  const panelId = (id: string) => `${base}-panel-${id}`;
  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number): void {
    const next = nextIndex(event.key, index, tabs.length);
    if (next === undefined) return;
    event.preventDefault();
    const tab = tabs[next];
    if (!tab) return;
    onSelect(tab.id);
    refs.current.get(tab.id)?.focus();
  }
  if (!current) return null;
  return (
    <>
      <div className="tabs" role="tablist" aria-label={label}>
        {tabs.map((tab, index) => (
          <button
            key={tab.id}
            ref={(el) => {
              if (el) refs.current.set(tab.id, el);
              else refs.current.delete(tab.id);
            }}
            id={tabId(tab.id)}
            type="button"
            role="tab"
            className="tab"
            aria-selected={tab.id === current.id}
            // Only the shown panel exists; pointing at one that is not rendered would be a broken reference.
            aria-controls={tab.id === current.id ? panelId(tab.id) : undefined}
            tabIndex={tab.id === current.id ? 0 : -1}
            onClick={() => onSelect(tab.id)}
            onKeyDown={(e) => onKeyDown(e, index)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div id={panelId(current.id)} role="tabpanel" aria-labelledby={tabId(current.id)} className="tab-panel" tabIndex={0}>
        {current.panel()}
      </div>
    </>
  );
}
