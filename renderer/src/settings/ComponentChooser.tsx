import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import type { SourceFilter, SourceSettings, SourceSnapshot } from '../../../shared/ipc/contract';
import { useApi } from '../common/api';
import { InlineError } from '../common/InlineError';
import { useAction } from '../common/useAction';

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().trim();
const splitNames = (text: string) => text.split(',').map((n) => n.trim()).filter(Boolean);

/** The page's components by group, ungrouped first, in the page's order. */
function groupsOf(components: readonly { name: string; group?: string }[]): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const c of components) groups.set(c.group ?? '', [...(groups.get(c.group ?? '') ?? []), c.name]);
  return [...groups.entries()].sort((a, b) => (a[0] === '' ? -1 : b[0] === '' ? 1 : 0));
}

/**
 * Which components of a page count for this source (health, incidents shown, notifications). Where the page
 * lists components: a checkbox each, grouped as the page groups them; all checked means the whole page.
 * Big-cloud slices (a region filter) and pages without a component list: the names as text.
 */
export function ComponentChooser({ source, live, name }: { source: SourceSettings; live: SourceSnapshot | undefined; name: string }) {
  const page = live?.pageComponents ?? [];
  if (page.length > 0 && !source.filter?.regions) return <ComponentCheckboxes source={source} page={page} name={name} />;
  return <FilterNames source={source} name={name} />;
}

// Each form is a landmark; with several rows open, the source's name keeps their names unique.
function ComponentCheckboxes({ source, page, name }: { source: SourceSettings; page: readonly { name: string; group?: string }[]; name: string }) {
  const api = useApi();
  const save = useAction((filter: SourceFilter | null) => api.updateSource(source.id, { filter }));
  const groups = useMemo(() => groupsOf(page), [page]);
  const saved = useMemo(() => {
    const names = source.filter?.components?.map(fold);
    return new Set(page.map((c) => c.name).filter((n) => !names || names.includes(fold(n))));
  }, [page, source.filter]);
  const [chosen, setChosen] = useState(saved);
  const [invalid, setInvalid] = useState<string | undefined>();
  // Reset the boxes only when what is saved changes, not on every snapshot: each poll brings a new page list
  // object, and resetting on identity would throw away a choice the user has not saved yet.
  const savedKey = [...saved].join('\n');
  useEffect(() => setChosen(saved), [savedKey]);
  const changed = chosen.size !== saved.size || [...chosen].some((n) => !saved.has(n));
  const toggle = (name: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(name);
    else next.delete(name);
    setChosen(next);
    setInvalid(undefined);
  };
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (chosen.size === 0) return setInvalid('Choose at least one component.');
    const all = page.every((c) => chosen.has(c.name));
    await save.run(all ? null : { components: page.map((c) => c.name).filter((n) => chosen.has(n)) });
  }
  return (
    <form className="components" onSubmit={(e) => void onSubmit(e)} aria-label={`Components that count for ${name}`}>
      <details>
        <summary>
          Components that count: {chosen.size === page.length ? `all ${page.length}` : `${chosen.size} of ${page.length}`}
        </summary>
        {groups.map(([group, names]) => (
          <fieldset key={group || '(ungrouped)'} className="component-group">
            {group && <legend>{group}</legend>}
            {names.map((name) => (
              <ComponentCheckbox key={name} name={name} checked={chosen.has(name)} onChange={(on) => toggle(name, on)} />
            ))}
          </fieldset>
        ))}
        <div className="row">
          <button type="submit" disabled={save.pending || !changed}>
            Save components
          </button>
          <button type="button" onClick={() => setChosen(new Set(page.map((c) => c.name)))}>
            All
          </button>
        </div>
        {invalid && (
          <p className="field-error" role="alert">
            {invalid}
          </p>
        )}
        <p className="muted help">An incident that names no component still counts.</p>
        <InlineError error={save.error} onDismiss={save.clearError} />
      </details>
    </form>
  );
}

function ComponentCheckbox({ name, checked, onChange }: { name: string; checked: boolean; onChange: (on: boolean) => void }) {
  const id = useId();
  return (
    <div className="field-inline">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{name}</label>
    </div>
  );
}

/** Components and regions as comma-separated names (big-cloud slices, pages without a component list). */
function FilterNames({ source, name }: { source: SourceSettings; name: string }) {
  const api = useApi();
  const componentsId = useId();
  const regionsId = useId();
  const save = useAction((filter: SourceFilter | null) => api.updateSource(source.id, { filter }));
  const savedComponents = source.filter?.components?.join(', ') ?? '';
  const savedRegions = source.filter?.regions?.join(', ') ?? '';
  const [components, setComponents] = useState(savedComponents);
  const [regions, setRegions] = useState(savedRegions);
  useEffect(() => setComponents(savedComponents), [savedComponents]);
  useEffect(() => setRegions(savedRegions), [savedRegions]);
  const changed = components !== savedComponents || regions !== savedRegions;
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const c = splitNames(components);
    const r = splitNames(regions);
    await save.run(c.length === 0 && r.length === 0 ? null : { ...(c.length ? { components: c } : {}), ...(r.length ? { regions: r } : {}) });
  }
  return (
    <form className="components" onSubmit={(e) => void onSubmit(e)} aria-label={`Part of ${name} watched`}>
      <details>
        <summary>Part of the page watched: {savedComponents || savedRegions ? [savedComponents, savedRegions].filter(Boolean).join(' · ') : 'all of it'}</summary>
        <div className="field">
          <label htmlFor={componentsId}>Components or services (comma-separated)</label>
          <input id={componentsId} type="text" value={components} onChange={(e) => setComponents(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={regionsId}>Regions (comma-separated)</label>
          <input id={regionsId} type="text" value={regions} onChange={(e) => setRegions(e.target.value)} />
        </div>
        <div className="row">
          <button type="submit" disabled={save.pending || !changed}>
            Save
          </button>
        </div>
        <p className="muted help">Empty watches the whole page. Names are matched without regard to case.</p>
        <InlineError error={save.error} onDismiss={save.clearError} />
      </details>
    </form>
  );
}
