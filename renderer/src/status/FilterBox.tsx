/**
 * The provider filter: a labelled search field. Escape clears a non-empty filter (and goes no further, so it
 * does not also collapse or close the window); on an empty one it is left to the window.
 */
export function FilterBox({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  return (
    <div className="filter-box">
      <label htmlFor="provider-filter">Filter</label>
      <input
        id="provider-filter"
        type="search"
        placeholder="Provider, incident or component"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && value !== '') {
            e.preventDefault();
            e.stopPropagation();
            e.nativeEvent.stopImmediatePropagation();
            onChange('');
          }
        }}
      />
    </div>
  );
}
