/** The provider filter: a labelled search field; Escape clears it. */
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
          if (e.key === 'Escape') onChange('');
        }}
      />
    </div>
  );
}
