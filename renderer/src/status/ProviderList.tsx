import type { SourceSnapshot } from '../../../shared/ipc/contract';
import { matchesFilter, sortBySeverity } from '../common/sort';
import { ProviderCard } from './ProviderCard';

/** Providers matching the filter, worst health first; says so when the filter hides them all. */
export function ProviderList({ sources, filter, now }: { sources: readonly SourceSnapshot[]; filter: string; now: number }) {
  const shown = sortBySeverity(sources).filter((s) => matchesFilter(s, filter));
  if (shown.length === 0) {
    return <p className="no-match">No provider matches “{filter}”.</p>;
  }
  return (
    <ul className="provider-list" aria-label="Providers">
      {shown.map((source) => (
        <ProviderCard key={source.id} source={source} now={now} />
      ))}
    </ul>
  );
}
