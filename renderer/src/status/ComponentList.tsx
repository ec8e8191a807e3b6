import type { Component, FormatId } from '../../../shared/domain/types';
import { componentDisplayName } from '../common/component-names';
import { COMPONENT_STATUS_LABEL } from '../common/labels';

/** The components that are not operational, by readable name (all operational: one line saying so). */
export function ComponentList({ components, format }: { components: readonly Component[]; format?: FormatId }) {
  const affected = components.filter((c) => c.status !== 'operational');
  if (components.length === 0) return null;
  if (affected.length === 0) return <p className="muted">All {components.length} components operational.</p>;
  return (
    <section className="components">
      <h3>Affected components</h3>
      <ul>
        {affected.map((c, index) => {
          const name = componentDisplayName(c.name, format);
          return (
            <li key={`${c.group ?? ''}/${c.name}/${index}`} className={`component component-${c.status}`}>
              <span className="component-name">{c.group ? `${c.group} › ${name}` : name}</span>{' '}
              <span className="component-status">{COMPONENT_STATUS_LABEL[c.status]}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
