/**
 * Noise control at the engine: flap suppression in the snapshot, the page's component list, and a quiet
 * re-baseline when the user changes a source's component choice. Real engine, real documents.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFeedServer, type FeedServer } from '../../support/feed-server';
import { DOCS, engineTracker, type TestEngine } from '../engine/harness';

let server: FeedServer;
const engines = engineTracker();
beforeEach(async () => {
  server = await startFeedServer();
  server.serveFile('/cursor', DOCS.cursor, { etag: '"c1"' });
});
afterEach(async () => {
  await engines.closeAll();
  await server.close();
});

const fail500 = () => server.handle('/cursor', (_req, res) => res.writeHead(500).end('oops'));

async function pollAgain(t: TestEngine) {
  await t.clock.advance(3_600_000);
  return (await t.engine.pollOnce()).sources[0]!;
}

describe('flap suppression', () => {
  it('one failed poll keeps the last known status; the second shows the source as failing', async () => {
    const t = engines.make([{ id: 'c', url: server.url('/cursor'), failAfter: 2 }]);
    expect((await t.engine.pollOnce()).sources[0]!.health).toBe('degraded');
    fail500();
    const once = await pollAgain(t);
    expect(once).toMatchObject({ health: 'degraded', heldError: { code: 'http' } });
    expect(once.lastError).toBeUndefined();
    const twice = await pollAgain(t);
    expect(twice).toMatchObject({ health: 'unknown', lastError: { code: 'http' } });
    expect(twice.heldError).toBeUndefined();
  });

  it('without failAfter (the CLI) every failure shows at once', async () => {
    const t = engines.make([{ id: 'c', url: server.url('/cursor') }]);
    await t.engine.pollOnce();
    fail500();
    expect(await pollAgain(t)).toMatchObject({ health: 'unknown', lastError: { code: 'http' } });
  });
});

describe('component choice', () => {
  it('the snapshot lists every component of the page, even those the filter leaves out', async () => {
    const t = engines.make([{ id: 'c', url: server.url('/cursor'), filter: { components: ['IDE'] } }]);
    const snap = (await t.engine.pollOnce()).sources[0]!;
    expect(snap.pageComponents?.map((c) => c.name)).toEqual(expect.arrayContaining(['IDE', 'Grok Bot', 'CLI']));
    expect(snap.status?.components.map((c) => c.name)).toEqual(['IDE']);
    // The open incident names Grok Bot only: it does not count for IDE.
    expect(snap).toMatchObject({ health: 'operational', status: { activeIncidents: [] } });
  });

  it('changing the choice re-reads the page at once and records what comes into view without announcing it', async () => {
    const t = engines.make([{ id: 'c', url: server.url('/cursor'), filter: { components: ['IDE'] } }]);
    await t.engine.pollOnce();
    t.events.length = 0;
    t.engine.setSources([{ id: 'c', url: server.url('/cursor'), filter: { components: ['IDE', 'Grok Bot'] } }]);
    const snap = (await t.engine.pollOnce()).sources[0]!;
    // Unconditional: the old validators were dropped, so a 200 came back and was parsed.
    expect(server.requests('/cursor').at(-1)?.headers['if-none-match']).toBeUndefined();
    expect(snap.status?.activeIncidents.map((i) => i.title)).toEqual(['Investigating service degradation — Grok Bot']);
    expect(t.events.map((e) => e.type)).toEqual(['source.baselined']);
    expect(t.events[0]).toMatchObject({ quiet: true });
    // From then on it is an ordinary source again: the next poll is conditional and silent.
    await pollAgain(t);
    expect(server.requests('/cursor').at(-1)?.headers['if-none-match']).toBe('"c1"');
    expect(t.events).toHaveLength(1);
  });

  it('the choice survives a restart: the state remembers the filter it was made with', async () => {
    const first = engines.make([{ id: 'c', url: server.url('/cursor'), filter: { components: ['IDE'] } }]);
    await first.engine.pollOnce();
    await first.close();
    const second = engines.make([{ id: 'c', url: server.url('/cursor'), filter: { components: ['IDE'] } }], { store: first.store, clock: first.clock });
    await second.clock.advance(3_600_000);
    await second.engine.pollOnce();
    expect(server.requests('/cursor').at(-1)?.headers['if-none-match']).toBe('"c1"');
    expect(second.events).toEqual([]);
  });
});
