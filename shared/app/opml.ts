/**
 * OPML import and export for the app (format and parsing: shared/opml). The controller's part is pure text
 * in, settings out: `planSettingsImport` turns a file's text into the next settings (or a refusal that
 * changes nothing) and `settingsToOpml` writes the list. Choosing and reading files is behind `OpmlFilePort`
 * (native dialogs in electron/opml-files.ts; a queue in the e2e harness).
 */
import type { SourceConfig } from '../domain/source';
import type { AppSettings, OpmlImportSummary, SourceSettings } from '../ipc/contract';
import { OpmlError, toOpml } from '../opml/opml';
import { planOpmlImport, sourcesForExport } from '../opml/import-sources';
import { MAX_SOURCES } from '../domain/settings';
import { MAX_URL_LENGTH } from '../domain/url';
import { sourceKey } from '../domain/source-key';

/** Largest OPML file the app reads, bytes. Subscription lists are kilobytes; 1 MB holds thousands of feeds. */
export const MAX_OPML_FILE_BYTES = 1024 * 1024;
/** Name offered in the save dialog. */
export const OPML_EXPORT_FILE_NAME = 'status-tray-sources.opml';
/** `<head><title>` of exported files. */
export const OPML_EXPORT_TITLE = 'Status Tray sources';

/** A chosen file was refused before parsing (too large, unreadable). `message` is one sentence for the user. */
export class OpmlFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OpmlFileError';
  }
}

/** File dialogs and file I/O for OPML, so the controller stays testable without Electron. */
export interface OpmlFilePort {
  /**
   * Let the user choose a file and read it as UTF-8 text.
   * @returns the text, or `undefined` when the dialog was cancelled.
   * @throws OpmlFileError when the file is over MAX_OPML_FILE_BYTES or cannot be read.
   */
  chooseImport(): Promise<string | undefined>;
  /**
   * Let the user choose where to save, then write `text` atomically.
   * @param suggestedName file name to offer, e.g. OPML_EXPORT_FILE_NAME.
   * @returns the path written, or `undefined` when the dialog was cancelled. Throws when writing fails.
   */
  saveExport(text: string, suggestedName: string): Promise<string | undefined>;
}

/** An import plan: the summary and, when something is added, the settings to save. */
export type SettingsImportPlan =
  | { ok: true; summary: OpmlImportSummary; next?: AppSettings }
  | { ok: false; message: string };

/** Cut a display name to the 100 characters settings allow, on a word boundary where one is near. */
function fitName(name: string): string {
  if (name.length <= 100) return name;
  const cut = name.slice(0, 99);
  const space = cut.lastIndexOf(' ');
  return `${(space > 60 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * Plan importing OPML `xml` into `settings` (not modified). A feed counts as already present when a source
 * has the same normalised URL and filter (a filtered AWS source does not cover the whole feed).
 * New sources get `newId()`, the default interval, notify `all`, enabled.
 * @returns `{ ok: true, summary, next? }` (`next` absent when nothing is new), or `{ ok: false, message }`
 *   for an invalid file (OpmlError's sentence) or one that would take the list past MAX_SOURCES.
 */
export function planSettingsImport(xml: string, settings: AppSettings, newId: () => string): SettingsImportPlan {
  if (xml.length > MAX_OPML_FILE_BYTES) return { ok: false, message: 'The file is larger than 1 MB, too large for a subscription list.' };
  const existing: SourceConfig[] = settings.sources.map((s) => ({ id: s.id, url: s.url, ...(s.filter ? { filter: s.filter } : {}) }));
  let plan;
  try {
    plan = planOpmlImport(xml, existing);
  } catch (err) {
    if (err instanceof OpmlError) return { ok: false, message: err.message };
    throw err;
  }
  const known = new Set(settings.sources.map(sourceKey));
  let alreadyPresent = plan.alreadyPresent;
  let skipped = plan.skipped;
  const added: SourceSettings[] = [];
  for (const s of plan.added) {
    if (s.url.length > MAX_URL_LENGTH) {
      skipped++;
      continue;
    }
    const key = sourceKey(s);
    if (known.has(key)) {
      alreadyPresent++;
      continue;
    }
    known.add(key);
    const name = s.name?.trim();
    added.push({
      id: newId(),
      url: s.url,
      ...(name ? { name: fitName(name) } : {}),
      enabled: true,
      intervalSeconds: settings.defaultIntervalSeconds,
      notify: 'all',
      ...(s.filter ? { filter: s.filter } : {}),
    });
  }
  if (settings.sources.length + added.length > MAX_SOURCES) {
    return {
      ok: false,
      message: `The file lists ${added.length} new feeds; with the ${settings.sources.length} you watch that is more than the ${MAX_SOURCES} Status Tray can watch. Nothing was imported.`,
    };
  }
  const summary: OpmlImportSummary = { canceled: false, added: added.length, alreadyPresent, skipped, credentialsRemoved: plan.credentialsRemoved };
  return added.length === 0 ? { ok: true, summary } : { ok: true, summary, next: { ...settings, sources: [...settings.sources, ...added] } };
}

/**
 * The sources as an OPML 2.0 document. Each outline is named by the source's name, else `liveName(id)` (the
 * provider's name from its last document), else its URL. A filtered source keeps its filter in our
 * `statusTray:filter` attribute (see shared/opml), which other readers ignore.
 * @param now ms since epoch, for `<dateCreated>`.
 */
export function settingsToOpml(settings: AppSettings, liveName: (id: string) => string | undefined, now: number): string {
  const configs: SourceConfig[] = settings.sources.map((s) => {
    const name = s.name ?? liveName(s.id);
    return { id: s.id, url: s.url, ...(name ? { name } : {}), ...(s.filter ? { filter: s.filter } : {}) };
  });
  return toOpml(sourcesForExport(configs), { title: OPML_EXPORT_TITLE, now });
}
