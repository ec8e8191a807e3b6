import { describe, expect, it } from 'vitest';
import { pollSource, type PollDeps } from '../../../shared/engine/poll-source';
import { takeJsonOf } from '../../../shared/engine/detached';
import { newSourceState } from '../../../shared/engine/state';
import type { FetchOutcome } from '../../../shared/engine/http/types';
import type { ProviderStatus } from '../../../shared/domain/types';
import { T0, incident, status } from '../history/fixtures';

/** Every object (not string) reachable from `value`. */
function objectsOf(value: unknown, into = new Set<object>()): Set<object> {
  if (value === null || typeof value !== 'object' || into.has(value)) return into;
  into.add(value);
  for (const v of Object.values(value)) objectsOf(v, into);
  return into;
}

/** A poll whose document parses to `parsed`. */
function pollWith(parsed: ProviderStatus) {
  const outcome: FetchOutcome = { kind: 'body', finalUrl: 'https://status.example.com/api/v2/summary.json', wireBytes: 10, body: '{}', contentHash: 'h1', bytes: 2 };
  const deps: PollDeps = {
    fetch: () => Promise.reject(new Error('not used')),
    fetchSource: async () => outcome,
    parse: async () => parsed,
    userAgent: 'test',
    now: () => T0,
    random: () => 0.5,
  };
  return pollSource({ id: 's1', url: outcome.finalUrl, intervalSeconds: 60 }, newSourceState(outcome.finalUrl), deps);
}

describe('what a parsed poll keeps', () => {
  it('shares no object with the parsed status, so nothing kept holds the parse (and its body) alive', async () => {
    const open = incident('open');
    const parsed = status('degraded', [open], { API: 'degraded_performance' });
    const result = await pollWith(parsed);
    expect(result.kind).toBe('parsed');
    expect(result.parsed).toBe(parsed); // the whole parse goes on to the history, as it is
    const fromParse = objectsOf(parsed);
    const kept = objectsOf({ seen: result.state.seen, lastStatus: result.state.lastStatus, pageComponents: result.state.pageComponents, events: result.events });
    expect([...kept].filter((o) => fromParse.has(o))).toEqual([]);
    expect(Object.getPrototypeOf(result.state.seen)).toBeNull(); // incident ids are keys: no inherited names
    // …and the copies say the same.
    expect(result.state.lastStatus).toEqual(parsed);
    expect(result.state.pageComponents).toEqual([{ name: 'API' }]);
    const baselined = result.events.find((e) => e.type === 'source.baselined');
    expect(baselined && 'openIncidents' in baselined ? baselined.openIncidents : undefined).toEqual([open]);
    // …the baseline's open incidents being the kept status's own copy, not a second one.
    expect(baselined && 'openIncidents' in baselined ? baselined.openIncidents : undefined).toBe(result.state.lastStatus!.activeIncidents);
  });

  it('hands the store the JSON the kept parts were copied from, the same text serialising them gives', async () => {
    const result = await pollWith(status('degraded', [incident('open'), incident('done', { resolvedAt: T0 - 1000 })], { API: 'degraded_performance' }));
    const { seen, lastStatus } = result.state;
    expect(Object.keys(seen)).toEqual(['open', 'done']);
    expect(takeJsonOf(seen)).toBe(JSON.stringify(seen));
    expect(takeJsonOf(lastStatus!)).toBe(JSON.stringify(lastStatus));
    expect(takeJsonOf({ a: 1 })).toBe('{"a":1}'); // anything else is serialised as usual
  });

  it('hands that JSON out once: the text does not stay in memory beside the copy it was read from', async () => {
    const result = await pollWith(status('degraded', [incident('open')], { API: 'degraded_performance' }));
    const lastStatus = result.state.lastStatus!;
    const first = takeJsonOf(lastStatus);
    // Had the text been kept, a second call would return it, not the copy as it is now.
    (lastStatus as { provider: string }).provider = 'Changed after the write';
    expect(takeJsonOf(lastStatus)).not.toBe(first);
    expect(takeJsonOf(lastStatus)).toBe(JSON.stringify(lastStatus));
  });
});
