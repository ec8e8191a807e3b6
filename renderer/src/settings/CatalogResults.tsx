import type { CatalogEntry } from '../../../shared/catalog/types';
import { describeFilter, platformLabel } from '../../../shared/app/catalog-search';

/** Props of the result list; `optionId(i)` gives the DOM id the input's `aria-activedescendant` points at. */
export interface CatalogResultsProps {
  id: string;
  entries: readonly CatalogEntry[];
  /** Index of the highlighted entry (arrow keys), or -1. */
  active: number;
  /** True for entries already in the user's list (shown as "Added"; picking one explains that). */
  isAdded: (entry: CatalogEntry) => boolean;
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
export function CatalogResults({ id, entries, active, isAdded, addingId, optionId, onPick, onHover }: CatalogResultsProps) {
  return (
    <ul id={id} className="catalog-results" role="listbox" aria-label="Services in the catalog">
      {entries.map((entry, index) => {
        const added = isAdded(entry);
        const narrowed = describeFilter(entry.filter);
        return (
          <li
            key={entry.id}
            id={optionId(index)}
            role="option"
            className="catalog-option"
            data-entry-id={entry.id}
            aria-selected={index === active}
            aria-disabled={added || undefined}
            // Keep focus in the input: a mousedown would blur it before the click lands.
            onMouseDown={(e) => e.preventDefault()}
            onMouseMove={() => onHover(index)}
            // An added entry is picked too: the form then says it is already in the list.
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
            <span className={added ? 'catalog-state catalog-added' : 'catalog-state'}>
              {added ? 'Added' : addingId === entry.id ? 'Adding…' : 'Add'}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
