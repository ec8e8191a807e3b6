import type { SourceSettings, SourceSnapshot } from '../../../shared/ipc/contract';
import { matchesFilter, sortBySeverity } from '../common/sort';
import { ProviderCard } from './ProviderCard';

/** Providers matching the filter, worst health first; says so when the filter hides them all. */
export function ProviderList({ sources, configs = [], filter, now }: { sources: readonly SourceSnapshot[]; configs?: readonly SourceSettings[]; filter: string; now: number }) {
  const byId = new Map(configs.map((c) => [c.id, c]));
  const shown = sortBySeverity(sources).filter((s) => matchesFilter(s, filter));
  if (shown.length === 0) {
    return <p className="no-match">No provider matches “{filter}”.</p>;
  }
  return (
    <ul className="provider-list" aria-label="Providers">
      {shown.map((source) => (
        <ProviderCard key={source.id} source={source} config={byId.get(source.id)} now={now} />
      ))}
    </ul>
  );
}
