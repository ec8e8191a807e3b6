/**
 * The controller's calls that change one watched source: add, update, remove, snooze and "tell me when it's
 * fixed". Each plans the next settings from the ones in force and hands them to the controller's commit, so
 * a refused change or a failed write leaves everything as it was. Results, never throws for bad input; the
 * controller's guard catches anything else. Arguments arrive validated by the IPC guard (../ipc/dispatch.ts).
 */
import { fail, ok, type AddSourceInput, type AppSettings, type Result, type SourcePatch, type SourceSettings } from '../ipc/contract';
import type { SnoozeRequest } from '../domain/noise';
import { hasFilter, sourceKey } from '../domain/source-key';
import { displayName } from '../domain/source';
import { startSnooze } from '../noise/snooze';
import { MAX_INCIDENT_IDS } from '../noise/schemas';

/** What the source calls need from the controller. */
export interface SourceActionDeps {
  /** The settings in force. */
  settings(): AppSettings;
  /** Persist and apply `next` (a failed write changes nothing); `sourcesChanged` re-feeds the engine. */
  commit(next: AppSettings, sourcesChanged: boolean): Result<null>;
  /** The provider's name from a source's last document, for messages about sources without a user name. */
  liveName(id: string): string | undefined;
  /** ms since epoch (UTC), for snooze ends. */
  now(): number;
  newId(): string;
  /** Ids of the source's incidents open now (a snooze "until resolved" waits for these). */
  openIncidentIds(sourceId: string): string[];
}

/** The five source calls; each resolves the `Result` the IPC call returns. */
export interface SourceActions {
  add(input: AddSourceInput): Result<SourceSettings>;
  update(sourceId: string, patch: SourcePatch): Result<SourceSettings>;
  remove(sourceId: string): Result<null>;
  /** Start (`req`) or end (`null`) a snooze. */
  snooze(sourceId: string, req: SnoozeRequest | null): Result<SourceSettings>;
  /** Watch (`on`) or stop watching an incident for its resolution. */
  watchIncident(sourceId: string, incidentId: string, on: boolean): Result<SourceSettings>;
}

/** Build the source calls over `deps`. */
export function createSourceActions(deps: SourceActionDeps): SourceActions {
  const find = (id: string) => deps.settings().sources.find((s) => s.id === id);
  const gone = () => fail('not-found', 'That source no longer exists.');

  /** Replace one source and commit; the updated source on success. */
  function replace(updated: SourceSettings, sourcesChanged: boolean): Result<SourceSettings> {
    const settings = deps.settings();
    const r = deps.commit({ ...settings, sources: settings.sources.map((s) => (s.id === updated.id ? updated : s)) }, sourcesChanged);
    return r.ok ? ok(updated) : r;
  }

  return {
    add(input) {
      const settings = deps.settings();
      const { url, name, notify, intervalSeconds, filter, check } = input;
      if (check && hasFilter(filter)) return fail('invalid-payload', 'An endpoint check has no components to filter.');
      // Same URL with another filter is another source (AWS EC2 and AWS S3 share one feed); a check is another thing again.
      const key = sourceKey({ url, filter, check });
      const existing = settings.sources.find((s) => sourceKey(s) === key);
      if (existing) return fail('duplicate', `${displayName(existing, deps.liveName(existing.id))} is already in your list.`);
      const source: SourceSettings = {
        id: deps.newId(),
        url: url.trim(),
        ...(name ? { name } : {}),
        enabled: true,
        intervalSeconds: intervalSeconds ?? settings.defaultIntervalSeconds,
        notify: notify ?? 'all',
        ...(hasFilter(filter) ? { filter } : {}),
        ...(check ? { check } : {}),
      };
      const r = deps.commit({ ...settings, sources: [...settings.sources, source] }, true);
      return r.ok ? ok(source) : r;
    },

    update(sourceId, patch) {
      const current = find(sourceId);
      if (!current) return gone();
      const { name, filter, check, ...rest } = patch;
      if (check && !current.check) return fail('invalid-payload', 'Only an endpoint check has check rules.');
      if (filter && current.check) return fail('invalid-payload', 'An endpoint check has no components to filter.');
      const updated: SourceSettings = { ...current, ...stripUndefined(rest), ...(check ? { check } : {}) };
      if (name !== undefined) {
        if (name) updated.name = name;
        else delete updated.name;
      }
      if (filter !== undefined) {
        if (filter && hasFilter(filter)) updated.filter = filter;
        else delete updated.filter;
        const key = sourceKey(updated);
        const clash = deps.settings().sources.find((s) => s.id !== sourceId && sourceKey(s) === key);
        if (clash) return fail('duplicate', `${displayName(clash)} already watches that part of this page.`);
      }
      return replace(updated, true);
    },

    remove(sourceId) {
      if (!find(sourceId)) return gone();
      const settings = deps.settings();
      return deps.commit({ ...settings, sources: settings.sources.filter((s) => s.id !== sourceId) }, true);
    },

    snooze(sourceId, req) {
      const current = find(sourceId);
      if (!current) return gone();
      const { snooze: _old, ...rest } = current;
      let updated: SourceSettings = rest;
      if (req) {
        const snooze = startSnooze(req, deps.now(), deps.openIncidentIds(sourceId));
        if ('error' in snooze) return fail('invalid-payload', snooze.error);
        updated = { ...rest, snooze };
      }
      return replace(updated, false);
    },

    watchIncident(sourceId, incidentId, on) {
      const current = find(sourceId);
      if (!current) return gone();
      const others = (current.fixWatches ?? []).filter((w) => w !== incidentId);
      if (on && others.length >= MAX_INCIDENT_IDS) return fail('invalid-payload', `At most ${MAX_INCIDENT_IDS} incidents can be watched per status page.`);
      const list = on ? [...others, incidentId] : others;
      const { fixWatches: _old, ...rest } = current;
      return replace(list.length > 0 ? { ...rest, fixWatches: list } : rest, false);
    },
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
