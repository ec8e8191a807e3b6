/**
 * Builders shared by the app, presentation, IPC and electron unit tests: incidents, events, snapshots, a
 * fake clock, a fake engine, an in-memory settings store, and the controller behind main's IPC guard.
 */
import type { Engine, EngineListener, EngineSnapshot, SourceSnapshot } from '../../../shared/engine/api';
import type { EngineEvent } from '../../../shared/engine/events';
import type { SourceConfig } from '../../../shared/domain/source';
import type { Health, Incident } from '../../../shared/domain/types';
import type { AppSettings, SourceSettings } from '../../../shared/ipc/contract';
import { createAppController, type SettingsStore } from '../../../shared/app/controller';
import type { Clock } from '../../../shared/engine/ports';
import { defaultSettings } from '../../../shared/domain/settings';
import { IPC_INVOKE, type StatusTrayApi } from '../../../shared/ipc/contract';
import { dispatchInvoke } from '../../../shared/ipc/dispatch';
import type { InvokeMethod } from '../../../shared/ipc/schemas';

export function incident(id: string, over: Partial<Incident> = {}): Incident {
  return {
    id,
    kind: 'incident',
    title: `Incident ${id}`,
    status: 'investigating',
    impact: 'minor',
    url: `https://status.example.com/incidents/${id}`,
    createdAt: '2026-07-09T07:00:00.000Z',
    updatedAt: '2026-07-09T07:04:08.000Z',
    updates: [{ status: 'investigating', text: `We are looking into ${id}.`, at: '2026-07-09T07:04:08.000Z' }],
    components: [],
    ...over,
  };
}

export function opened(sourceId: string, inc: Incident, provider = 'GitHub', health: Health = 'partial_outage'): EngineEvent {
  return { type: 'incident.opened', sourceId, provider, health, at: 0, incident: inc };
}

export function sourceSnap(id: string, name: string, health: Health, over: Partial<SourceSnapshot> = {}): SourceSnapshot {
  return { id, name, url: `https://${id}.example.com/api/v2/summary.json`, effectiveUrl: `https://${id}.example.com/api/v2/summary.json`, enabled: true, health, polling: false, ...over };
}

export function engineSnap(sources: SourceSnapshot[], over: Partial<EngineSnapshot> = {}): EngineSnapshot {
  return { sources, overall: 'operational', paused: false, ...over };
}

export function source(id: string, over: Partial<SourceSettings> = {}): SourceSettings {
  return { id, url: `https://${id}.example.com/api/v2/summary.json`, enabled: true, intervalSeconds: 300, notify: 'all', ...over };
}

export function settingsWith(sources: SourceSettings[], over: Partial<AppSettings> = {}): AppSettings {
  return { ...defaultSettings(), sources, ...over };
}

/** A clock whose time moves only with `advance`; timers fire in order. */
export class FakeClock implements Clock {
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private seq = 0;
  constructor(public time = Date.UTC(2026, 6, 9, 12, 0, 0)) {}
  now(): number {
    return this.time;
  }
  setTimeout(fn: () => void, ms: number): unknown {
    const id = ++this.seq;
    this.timers.push({ at: this.time + ms, fn, id });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }
  pending(): number {
    return this.timers.length;
  }
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at);
      const next = this.timers[0];
      if (!next || next.at > end) break;
      this.timers.shift();
      this.time = next.at;
      next.fn();
    }
    this.time = end;
  }
}

/** An engine double that records calls and lets a test emit events and snapshots. */
export class FakeEngine implements Engine {
  listeners = new Set<EngineListener>();
  sources: SourceConfig[] = [];
  checked: (string | undefined)[] = [];
  pauses = 0;
  resumes = 0;
  snap: EngineSnapshot = engineSnap([]);
  async start(): Promise<void> {}
  async stop(): Promise<void> {}
  setSources(sources: SourceConfig[]): void {
    this.sources = sources;
    this.emitSnapshot();
  }
  async checkNow(id?: string): Promise<void> {
    this.checked.push(id);
  }
  async pollOnce(): Promise<EngineSnapshot> {
    return this.snap;
  }
  pause(): void {
    this.pauses++;
  }
  resume(): void {
    this.resumes++;
  }
  snapshot(): EngineSnapshot {
    return this.snap;
  }
  sourceSnapshot(sourceId: string): SourceSnapshot | undefined {
    return this.snap.sources.find((s) => s.id === sourceId);
  }
  subscribe(listener: EngineListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  emitEvents(events: EngineEvent[]): void {
    for (const l of this.listeners) l.onEvents?.(events);
  }
  emitSnapshot(snap: EngineSnapshot = this.snap): void {
    this.snap = snap;
    for (const l of this.listeners) l.onSnapshot?.(snap);
  }
}

/** Settings kept in memory; `failNext` makes the next `set` throw like a full disk. */
export class MemorySettings implements SettingsStore {
  writes = 0;
  failNext = false;
  constructor(public value: AppSettings = defaultSettings()) {}
  get(): AppSettings {
    return this.value;
  }
  set(s: AppSettings): void {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('ENOSPC: no space left on device');
    }
    this.writes++;
    this.value = s;
  }
}

const TRUSTED_PAGE = 'app://status-tray/settings.html';

/**
 * The controller as a page reaches it: every call goes through main's IPC guard (`dispatchInvoke`), which
 * parses the payload before the controller sees it. Tests of refused payloads call through this.
 */
export function throughIpc(controller: StatusTrayApi): StatusTrayApi {
  return new Proxy(controller, {
    get(target, method: string) {
      if (!METHOD_NAMES.has(method)) return Reflect.get(target, method);
      return (...args: unknown[]) => dispatchInvoke(target, method as InvokeMethod, TRUSTED_PAGE, args, ['app://status-tray']);
    },
  });
}

const METHOD_NAMES: ReadonlySet<string> = new Set(Object.keys(IPC_INVOKE));

/**
 * A controller over a fake engine and `settings`, without notifier or preview (preview fails), ids
 * `src-1`, `src-2`…; `ipc` is the same controller behind main's IPC guard.
 */
export function controllerOver(settings = new MemorySettings()) {
  const engine = new FakeEngine();
  let n = 0;
  const controller = createAppController({
    engine,
    settings,
    clock: new FakeClock(),
    preview: async () => ({ ok: false, error: { code: 'internal', message: 'not used' } }),
    newId: () => `src-${++n}`,
  });
  return { ipc: throughIpc(controller), controller, engine, settings };
}
