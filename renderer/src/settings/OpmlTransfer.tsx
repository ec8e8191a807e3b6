import { useState } from 'react';
import type { OpmlExportSummary, OpmlImportSummary } from '../../../shared/ipc/contract';
import { useApi } from '../common/api';
import { InlineError } from '../common/InlineError';
import { useAction } from '../common/useAction';

const pages = (n: number) => (n === 1 ? '1 status page' : `${n} status pages`);

/** One sentence on what an import did. */
function describeImport(s: OpmlImportSummary): string {
  const parts = [s.added > 0 ? `Added ${pages(s.added)} from the file.` : 'Nothing new in the file.'];
  if (s.alreadyPresent > 0) parts.push(`${s.alreadyPresent === 1 ? '1 was' : `${s.alreadyPresent} were`} already in your list.`);
  if (s.skipped > 0) parts.push(`${s.skipped === 1 ? '1 entry was' : `${s.skipped} entries were`} not a web feed and skipped.`);
  if (s.credentialsRemoved > 0) {
    parts.push(`Removed the user name and password from ${s.credentialsRemoved === 1 ? '1 address' : `${s.credentialsRemoved} addresses`}: Status Tray does not store credentials.`);
  }
  return parts.join(' ');
}

/** One sentence on what an export did. */
function describeExport(s: OpmlExportSummary): string {
  return `Exported ${pages(s.count)} to ${s.path ?? 'the file'}.`;
}

/**
 * OPML import and export. Main shows the file dialogs; the outcome (or why the file was refused — then nothing
 * changed) is shown inline. A cancelled dialog shows nothing.
 */
export function OpmlTransfer() {
  const api = useApi();
  const [message, setMessage] = useState<string | undefined>();
  const importAction = useAction(() => api.importOpml());
  const exportAction = useAction(() => api.exportOpml());
  const busy = importAction.pending || exportAction.pending;
  return (
    <section className="card" aria-labelledby="opml-title">
      <h2 id="opml-title">Import and export</h2>
      <p className="muted">Move your list between Status Tray and feed readers or other status monitors with an OPML file.</p>
      <div className="row">
        <button
          type="button"
          disabled={busy}
          onClick={async () => {
            setMessage(undefined);
            exportAction.clearError();
            const done = await importAction.run();
            if (done && !done.canceled) setMessage(describeImport(done));
          }}
        >
          Import OPML…
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={async () => {
            setMessage(undefined);
            importAction.clearError();
            const done = await exportAction.run();
            if (done && !done.canceled) setMessage(describeExport(done));
          }}
        >
          Export OPML…
        </button>
      </div>
      <InlineError error={importAction.error ?? exportAction.error} onDismiss={importAction.error ? importAction.clearError : exportAction.clearError} />
      {message && (
        <p className="success opml-result" role="status">
          {message}
        </p>
      )}
    </section>
  );
}
