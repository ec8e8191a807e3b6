import type { CatalogEntry } from '../../../shared/catalog/types';
import { describeFilter, platformLabel } from '../../../shared/app/catalog-search';

/** Props of the result list; `optionId(i)` gives the DOM id the input's `aria-activedescendant` points at. */
export interface CatalogResultsProps {
  id: string;
  entries: readonly CatalogEntry[];
  /** Index of the highlighted entry (arrow keys), or -1. */
  active: number;
  /** True for entries already in the user's list (shown as "Already watching"; picking one shows it). */
  isWatched: (entry: CatalogEntry) => boolean;
  /** Id of the entry being added, while its request runs. */
  addingId: string | undefined;
  optionId: (index: number) => string;
  onPick: (entry: CatalogEntry) => void;
  onHover: (index: number) => void;
}

/**
 * Catalog matches as a listbox under the add box (ARIA combobox pattern: focus stays in the input, arrow keys
 * move the highlight, Enter or a click adds). Each shows name, platform, tags, and what a filter narrows to.
 */
export function CatalogResults({ id, entries, active, isWatched, addingId, optionId, onPick, onHover }: CatalogResultsProps) {
  return (
    <ul id={id} className="catalog-results" role="listbox" aria-label="Services in the catalog">
      {entries.map((entry, index) => {
        const watching = isWatched(entry);
        const narrowed = describeFilter(entry.filter);
        return (
          <li
            key={entry.id}
            id={optionId(index)}
            role="option"
            className="catalog-option"
            data-entry-id={entry.id}
            aria-selected={index === active}
            // Keep focus in the input: a mousedown would blur it before the click lands.
            onMouseDown={(e) => e.preventDefault()}
            onMouseMove={() => onHover(index)}
            // A watched entry is picked too: the form then shows it in the list instead of adding it again.
            onClick={() => onPick(entry)}
          >
            <span className="catalog-option-text">
              <span className="catalog-name">{entry.name}</span>
              <span className="catalog-meta">
                {platformLabel(entry.platform)}
                {narrowed ? ` · only ${narrowed}` : ''}
                {entry.tags.length > 0 ? ` · ${entry.tags.join(', ')}` : ''}
              </span>
            </span>
            {watching ? (
              <span className="catalog-state catalog-watching">
                Already watching · <span className="catalog-action">Show</span>
              </span>
            ) : (
              <span className="catalog-state">
                <span className="catalog-action">{addingId === entry.id ? 'Adding…' : 'Add'}</span>
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
