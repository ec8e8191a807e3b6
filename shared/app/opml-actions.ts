/**
 * The controller's OPML calls (see ./opml.ts for the planning and the file port): import from text or from a
 * chosen file, export to text or to a chosen file. Every result is a `Result`; an import that fails changes
 * nothing, because the new settings are committed in one step only after the whole file was planned.
 */
import { fail, ok, type AppSettings, type OpmlExportSummary, type OpmlImportSummary, type Result } from '../ipc/contract';
import { OPML_EXPORT_FILE_NAME, OpmlFileError, planSettingsImport, settingsToOpml, type OpmlFilePort } from './opml';

/** What the OPML calls need from the controller. */
export interface OpmlActionDeps {
  /** The settings in force. */
  settings(): AppSettings;
  /** Persist and apply new settings (the controller's commit: a failed write changes nothing). */
  commit(next: AppSettings): Result<null>;
  /** The provider's name from a source's last document, for exported outlines without a user name. */
  liveName(id: string): string | undefined;
  /** ms since epoch, for `<dateCreated>`. */
  now(): number;
  newId(): string;
  /** File dialogs; without them the file calls fail with `internal`. */
  files?: OpmlFilePort;
  log(message: string): void;
}

/** The four OPML calls. None throws for a bad file or a failed write; other errors propagate to the caller's guard. */
export interface OpmlActions {
  importText(xml: string): Result<OpmlImportSummary>;
  exportText(): string;
  importFile(): Promise<Result<OpmlImportSummary>>;
  exportFile(): Promise<Result<OpmlExportSummary>>;
}


/** Build the OPML calls over `deps`. */
export function createOpmlActions(deps: OpmlActionDeps): OpmlActions {
  function importText(xml: string): Result<OpmlImportSummary> {
    const plan = planSettingsImport(xml, deps.settings(), deps.newId);
    if (!plan.ok) return fail('invalid-file', plan.message);
    if (!plan.next) return ok(plan.summary);
    const r = deps.commit(plan.next);
    return r.ok ? ok(plan.summary) : r;
  }

  function exportText(): string {
    // Endpoint checks are not feeds: a feed reader given one would try to parse a health endpoint.
    const settings = deps.settings();
    return settingsToOpml({ ...settings, sources: settings.sources.filter((s) => !s.check) }, deps.liveName, deps.now());
  }

  return {
    importText,
    exportText,
    async importFile() {
      if (!deps.files) return fail('internal', 'Importing files is not available here.');
      let xml: string | undefined;
      try {
        xml = await deps.files.chooseImport();
      } catch (err) {
        if (err instanceof OpmlFileError) return fail('invalid-file', err.message);
        throw err;
      }
      if (xml === undefined) return ok({ canceled: true, added: 0, alreadyPresent: 0, skipped: 0, credentialsRemoved: 0 });
      return importText(xml);
    },
    async exportFile() {
      if (!deps.files) return fail('internal', 'Exporting files is not available here.');
      const count = deps.settings().sources.filter((s) => !s.check).length;
      let path: string | undefined;
      try {
        path = await deps.files.saveExport(exportText(), OPML_EXPORT_FILE_NAME);
      } catch (err) {
        deps.log(`OPML export failed: ${(err as Error)?.message ?? err}`);
        return fail('file-failed', `The file could not be written: ${(err as Error)?.message ?? err}`);
      }
      return ok(path === undefined ? { canceled: true, count: 0 } : { canceled: false, count, path });
    },
  };
}
