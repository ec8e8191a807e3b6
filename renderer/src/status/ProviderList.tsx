import { createRef, useMemo, useState, type KeyboardEvent, type RefObject } from 'react';
import type { SourceSettings, SourceSnapshot } from '../../../shared/ipc/contract';
import { arrangeRows, distinguishingTags } from '../../../shared/presentation/status-rows';
import { HEALTH_GLYPH } from '../common/HealthBadge';
import { matchesFilter } from '../common/sort';
import { ProviderRow } from './ProviderRow';

/** The key of the "N operational" group's toggle among the row keys (source ids are never empty). */
export const GROUP_KEY = '';

interface Props {
  sources: readonly SourceSnapshot[];
  configs?: readonly SourceSettings[];
  filter: string;
  now: number;
  expanded: ReadonlySet<string>;
  onToggle: (id: string) => void;
  groupOpen: boolean;
  onToggleGroup: () => void;
  /** The toggle button of each row by key (source id, or GROUP_KEY), for focusing a row from outside. */
  toggles: Map<string, RefObject<HTMLButtonElement | null>>;
}

/**
 * Providers as dense rows: those with trouble first (worst first), then the healthy ones folded into one
 * "N operational" toggle, then disabled ones. A filter shows every match flat. Arrow keys (and Home/End)
 * move between row toggles, one of which is the Tab stop (roving tabindex).
 */
export function ProviderList({ sources, configs = [], filter, now, expanded, onToggle, groupOpen, onToggleGroup, toggles }: Props) {
  const byId = useMemo(() => new Map(configs.map((c) => [c.id, c])), [configs]);
  const tags = useMemo(() => distinguishingTags(sources, new Map(configs.map((c) => [c.id, c.filter]))), [sources, configs]);
  const filtering = filter.trim() !== '';
  const shown = sources.filter((s) => matchesFilter(s, filter));
  const { attention, operational, disabled } = arrangeRows(shown);
  const [active, setActive] = useState<string | undefined>();

  if (shown.length === 0) {
    return <p className="no-match">No provider matches “{filter}”.</p>;
  }
  const grouped = !filtering && operational.length > 0;
  const openRows = !grouped || groupOpen ? operational : [];
  const keys = [...attention.map((s) => s.id), ...(grouped ? [GROUP_KEY] : []), ...openRows.map((s) => s.id), ...disabled.map((s) => s.id)];
  const current = active !== undefined && keys.includes(active) ? active : keys[0];
  const refFor = (key: string) => {
    let ref = toggles.get(key);
    if (!ref) {
      ref = createRef<HTMLButtonElement>();
      toggles.set(key, ref);
    }
    return ref;
  };
  const onRowKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const key = e.currentTarget.dataset.rowKey ?? '';
    const at = keys.indexOf(key);
    let next: number | undefined;
    if (e.key === 'ArrowDown') next = Math.min(keys.length - 1, at + 1);
    else if (e.key === 'ArrowUp') next = Math.max(0, at - 1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = keys.length - 1;
    if (next === undefined || at < 0) return;
    e.preventDefault();
    const target = keys[next]!;
    setActive(target);
    refFor(target).current?.focus();
  };
  const row = (s: SourceSnapshot) => (
    <ProviderRow
      key={s.id}
      source={s}
      config={byId.get(s.id)}
      now={now}
      {...(tags.has(s.id) ? { tag: tags.get(s.id)! } : {})}
      expanded={expanded.has(s.id)}
      onToggle={() => onToggle(s.id)}
      tabIndex={current === s.id ? 0 : -1}
      toggleRef={refFor(s.id)}
      onFocusRow={() => setActive(s.id)}
      onRowKey={onRowKey}
    />
  );
  return (
    <ul className="provider-list" aria-label="Providers">
      {attention.map(row)}
      {grouped && (
        <li className="operational-group" data-health="operational">
          <h2 className="provider-heading">
            <button
              ref={refFor(GROUP_KEY)}
              type="button"
              className="row-toggle group-toggle"
              aria-expanded={groupOpen}
              tabIndex={current === GROUP_KEY ? 0 : -1}
              data-row-key={GROUP_KEY}
              onClick={onToggleGroup}
              onFocus={() => setActive(GROUP_KEY)}
              onKeyDown={onRowKey}
            >
              <span className="chevron" aria-hidden="true">{groupOpen ? '▾' : '▸'}</span>
              <span className="health-badge health-operational">
                <span className="health-glyph" aria-hidden="true">{HEALTH_GLYPH.operational}</span>
                {operational.length} operational
              </span>
              {!groupOpen && <span className="group-names" aria-hidden="true">{operational.map((s) => s.name).join(', ')}</span>}
            </button>
          </h2>
        </li>
      )}
      {openRows.map(row)}
      {disabled.map(row)}
    </ul>
  );
}
