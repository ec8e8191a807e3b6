import { useState } from 'react';
import type { AppSettings, SourceSnapshot } from '../../../shared/ipc/contract';
import { AddSourceForm } from './AddSourceForm';
import { OpmlTransfer } from './OpmlTransfer';
import { SourceList, type RevealRequest } from './SourceList';

/**
 * The Sources tab: add a status page (catalog search or an address), the watched ones, OPML. A catalog
 * result already watched is shown in the list ("Already watching" → the row opens) instead of added again.
 */
export function SourcesPanel({ settings, engineSources }: { settings: AppSettings; engineSources: readonly SourceSnapshot[] }) {
  const [reveal, setReveal] = useState<RevealRequest | undefined>();
  return (
    <>
      <AddSourceForm sources={settings.sources} onShow={(id) => setReveal((r) => ({ id, seq: (r?.seq ?? 0) + 1 }))} />
      <SourceList sources={settings.sources} engineSources={engineSources} reveal={reveal} />
      <OpmlTransfer />
    </>
  );
}
