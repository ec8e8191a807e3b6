/**
 * The e2e fixture: a feed server with real documents, the real engine polling it through Node's fetch, the
 * real AppController on top, the built renderer on a static server, and the bridge that connects the
 * browser pages to the controller. Notifications and "open in browser" are recorded instead of shown; the
 * OPML file dialogs are a queue (`opmlFiles`). Requests for any host but the feed server's are answered by
 * the feed server under /hosts/<host> (see offline-fetch.ts): nothing leaves 127.0.0.1.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { createAppController, type AppController } from '../../../shared/app/controller';
import { createPreview } from '../../../shared/app/preview';
import { defaultSettings, toSourceConfigs } from '../../../shared/domain/settings';
import { createEngine } from '../../../shared/engine/engine';
import type { Engine } from '../../../shared/engine/api';
import { createNodeFetch } from '../../../shared/platform/node/node-fetch';
import { userAgent } from '../../../shared/engine/user-agent';
import type { OpmlFilePort } from '../../../shared/app/opml';
import type { HistoryQuery, SourceSettings } from '../../../shared/ipc/contract';
import { fetchSource } from '../../../shared/engine/http/fetch-source';
import { parseDocument } from '../../../shared/formats/registry';
import { backfillOnBaseline } from '../../../shared/history/backfill';
import { historyView, openStatusDatabase } from '../../../shared/storage/sqlite';
import type { Toast } from '../../../shared/presentation/notifications';
import type { Clock } from '../../../shared/engine/ports';
import { startFeedServer, type FeedServer } from '../../support/feed-server';
import { bridgeContext, type PopoverCall } from './bridge';
import { E2E_EPOCH, shiftedClock } from './clock';
import { memoryChannelStores, memorySettingsStore, memoryStateStore } from './memory-stores';
import { createChannelManager, type ChannelManager } from '../../../shared/app/channel-manager';
import { createMemoryDeliveryLog } from '../../../shared/channels/delivery-log';
import { createChannelDispatcher } from '../../../shared/channels/dispatcher';
import { createChannelSender } from '../../../shared/channels/senders';
import type { ChannelSecrets } from '../../../shared/domain/channel';
import { hostedPath, offlineFetch } from './offline-fetch';
import { RENDERER_DIST } from './paths';
import { startStaticServer, type StaticServer } from './static-server';

/** A source to watch from the start: served at `path` from a captured feed, or a body. */
export interface SeedSource {
  id: string;
  path: string;
  feed?: string;
  body?: string;
  contentType?: string;
  name?: string;
  /**
   * The address saved in settings when it is not the feed server's `path`: a real provider URL, whose
   * requests offline-fetch.ts sends to the feed server (then `path` must be `hostedPath(url)`).
   */
  url?: string;
}

/** Per-test app options (set with `test.use({ app: { … } })`). */
export interface AppOptions {
  sources: SeedSource[];
  /** Make the engine's state store report a recovery with this reason. */
  recoveryReason?: string;
  /**
   * Keep state and history in a status.db (in memory) as the app does, with backfill and the history IPC,
   * instead of the plain memory store; `extraFeeds` are served too (e.g. a source's incidents.json).
   */
  database?: { extraFeeds?: { path: string; feed: string }[] };
  /** Make every state write fail with this errno code (ENOSPC, EROFS, …). */
  saveFailure?: string;
}

/** The OPML "dialogs": the next file an import reads (undefined = cancelled), and what exports wrote. */
export interface OpmlFiles {
  nextImport: string | undefined;
  exported: string[];
}

/** What a test drives. */
export interface AppHarness {
  feeds: FeedServer;
  web: StaticServer;
  engine: Engine;
  controller: AppController;
  toasts: Toast[];
  openedExternally: string[];
  /** Pages opened by the controller's `openSettings`. */
  settingsPages: Page[];
  /** Open the status window (index.html) in `page` and wait for it to render. */
  openStatus(page: Page): Promise<void>;
  /** Open the settings window (settings.html) in `page`. */
  openSettings(page: Page): Promise<void>;
  /** Open the tray popover's page (index.html?view=popover) in `page` and wait for it to render. */
  openPopover(page: Page): Promise<void>;
  /**
   * Popover calls pages made (pin, close, open the full window), in order, after the real guard validated
   * them: what the controller's window port received (in the app, electron/popover.ts acts on them).
   */
  popoverCalls: PopoverCall[];
  /** Main's "show this provider" (a tray menu item), delivered to `page`'s `onFocusProvider` listeners. */
  focusProvider(page: Page, sourceId: string): Promise<void>;
  /** The configured source with this id. @throws when there is none. */
  source(id: string): SourceSettings;
  /** Serve a captured feed as if from the external `url` (a catalog source URL, say); see offline-fetch.ts. */
  serveAs(url: string, feed: string): void;
  /** External URLs the app asked for, each answered by the feed server instead. */
  rewritten: string[];
  opmlFiles: OpmlFiles;
  /** The test's clock (see clock.ts), shared by the engine, the controller and the browser pages. */
  clock: Clock;
  /** Alert channels as main runs them; secrets are held in memory (`peekSecrets`) instead of the keychain. */
  channels: ChannelManager & { peekSecrets(id: string): ChannelSecrets | undefined };
}

export const test = base.extend<{ appOptions: AppOptions; app: AppHarness }>({
  appOptions: [{ sources: [] }, { option: true }],
  app: async ({ context, appOptions }, use) => {
    const feeds = await startFeedServer();
    const web = await startStaticServer(RENDERER_DIST);
    const net = createNodeFetch();
    const offline = offlineFetch(net.fetch, feeds);
    for (const s of appOptions.sources) {
      if (s.feed) feeds.serveFile(s.path, s.feed, { etag: `"${s.id}-1"` });
      else feeds.serveBody(s.path, s.body ?? '', { contentType: s.contentType ?? 'text/plain', etag: `"${s.id}-1"` });
    }
    const settings = memorySettingsStore({
      ...defaultSettings(),
      sources: appOptions.sources.map((s) => ({
        id: s.id,
        url: s.url ?? feeds.url(s.path),
        ...(s.name ? { name: s.name } : {}),
        enabled: true,
        intervalSeconds: 300,
        notify: 'all' as const,
      })),
    });
    // One instant for the engine, the controller and every page of the context: see clock.ts.
    const clock = shiftedClock(E2E_EPOCH);
    await context.clock.install({ time: clock.now() });
    const ua = userAgent('0.0.0-e2e');
    for (const f of appOptions.database?.extraFeeds ?? []) feeds.serveFile(f.path, f.feed);
    const sdb = appOptions.database ? await openStatusDatabase(':memory:', { now: () => clock.now(), ...(appOptions.recoveryReason ? { forceRecovery: appOptions.recoveryReason } : {}) }) : undefined;
    const engine = createEngine({
      fetch: offline.fetch,
      store: sdb ? sdb.store : memoryStateStore(appOptions.recoveryReason, appOptions.saveFailure),
      clock,
      // No start jitter: a new source is polled at once, so tests need not wait for the scheduler.
      random: () => 0,
      sources: toSourceConfigs(settings.get()),
      userAgent: ua,
    });
    // Channels send straight to 127.0.0.1 receivers a test starts (not through offlineFetch's feed-server rewrite).
    const channelStores = memoryChannelStores();
    const deliveries = sdb ? sdb.deliveries : createMemoryDeliveryLog();
    const send = createChannelSender({ fetch: net.fetch, secrets: channelStores.secrets, clock, userAgent: ua });
    const dispatcher = createChannelDispatcher({ channels: () => channelManager.channels(), send, clock, log: deliveries });
    const channelManager: ChannelManager = createChannelManager({ store: channelStores.store, secrets: channelStores.secrets, dispatcher, log: deliveries });
    const toasts: Toast[] = [];
    const openedExternally: string[] = [];
    const settingsPages: Page[] = [];
    const popoverCalls: PopoverCall[] = [];
    let ids = 0;
    const opmlFiles: OpmlFiles = { nextImport: undefined, exported: [] };
    const filePort: OpmlFilePort = {
      chooseImport: async () => {
        const text = opmlFiles.nextImport;
        opmlFiles.nextImport = undefined;
        return text;
      },
      saveExport: async (text, name) => {
        opmlFiles.exported.push(text);
        return `/e2e/${name}`;
      },
    };
    const controller = createAppController({
      engine,
      settings,
      preview: createPreview({ fetch: offline.fetch, userAgent: ua, now: () => clock.now() }),
      opmlFiles: filePort,
      clock,
      notifier: { show: (toast) => void toasts.push(toast) },
      notifyBatchMs: 0,
      openExternal: (url) => void openedExternally.push(url),
      openSettings: () => {
        void context.newPage().then(async (page) => {
          settingsPages.push(page);
          await page.goto(web.url('settings.html'));
        });
      },
      windows: {
        setPopoverPinned: (pinned) => void popoverCalls.push({ method: 'setPopoverPinned', args: [pinned] }),
        closePopover: () => void popoverCalls.push({ method: 'closePopover', args: [] }),
        openFullWindow: () => void popoverCalls.push({ method: 'openFullWindow', args: [] }),
      },
      newId: () => `added-${++ids}`,
      alerts: dispatcher,
      channels: channelManager,
      ...(sdb
        ? {
            history: (query: HistoryQuery, at: number) => historyView(sdb.history, query, at),
            incidentUpdates: (sourceId: string, incidentId: string) => sdb.history.incidentUpdates(sourceId, incidentId),
          }
        : {}),
    });
    if (sdb) backfillOnBaseline(engine, sdb.store, { fetch: offline.fetch, fetchSource, parse: parseDocument, userAgent: ua, now: () => clock.now() });
    const stopBridge = await bridgeContext(context, controller, web.origin);
    await engine.start();

    const open = async (page: Page, file: string) => {
      await page.goto(web.url(file));
      await expect(page.locator('#root > *')).toBeVisible();
    };
    await use({
      feeds,
      web,
      engine,
      controller,
      toasts,
      openedExternally,
      settingsPages,
      openStatus: (page) => open(page, 'index.html'),
      openSettings: (page) => open(page, 'settings.html'),
      openPopover: (page) => open(page, 'index.html?view=popover'),
      popoverCalls,
      focusProvider: (page, sourceId) =>
        page.evaluate((id) => (window as unknown as { __statusTrayFocusProvider: (id: string) => void }).__statusTrayFocusProvider(id), sourceId),
      source(id) {
        const found = controller.settings().sources.find((s) => s.id === id);
        if (!found) throw new Error(`no source ${id}`);
        return found;
      },
      serveAs: (url, feed) => feeds.serveFile(hostedPath(url), feed),
      rewritten: offline.rewritten,
      opmlFiles,
      clock,
      channels: Object.assign(channelManager, { peekSecrets: channelStores.secrets.peek }),
    });
    stopBridge();
    dispatcher.dispose();
    controller.dispose();
    await engine.stop();
    sdb?.close();
    await net.destroy();
    await Promise.all([feeds.close(), web.close()]);
  },
});

export { expect };
