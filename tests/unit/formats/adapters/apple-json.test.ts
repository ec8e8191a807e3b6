/**
 * Apple System Status (`apple-json`). The fixtures in tests/fixtures/apple/ are hand-written, modelled field for
 * field on the real documents captured in insidegui/StatusBuddy StatusCoreTests/Data/*.json and on the JSONP
 * wrapper handled by inket/stts and StatusBuddy (see tests/fixtures/apple/README.md). The inline documents below
 * use the same shape.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProviderStatus } from '../../../../shared/domain/types';
import { isJsonpHead, unwrapJsonp } from '../../../../shared/formats/adapters/apple-json';
import { detectFormat, parseDocument } from '../../../../shared/formats/registry';
import { FormatError } from '../../../../shared/formats/types';
import { REPO_ROOT } from '../../../support/feeds';
import { allIncidents, byId, NOW } from '../parse-feed';

const APPLE_URL = 'https://www.apple.com/support/systemstatus/data/system_status_en_US.js';
const DEVELOPER_URL = 'https://www.apple.com/support/systemstatus/data/developer/system_status_en_US.js';

const fixture = (name: string): string => readFileSync(resolve(REPO_ROOT, 'tests/fixtures/apple', name), 'utf8');
const consumer = (url = APPLE_URL): Promise<ProviderStatus> => parseDocument(fixture('system_status_en_US.js'), { url, now: NOW });
const developer = (): Promise<ProviderStatus> => parseDocument(fixture('developer_system_status_en_US.js'), { url: DEVELOPER_URL, now: NOW });

/** One event as Apple writes it; `over` replaces fields. */
function event(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    usersAffected: 'Some users are affected',
    epochStartDate: 1790759580000,
    epochEndDate: null,
    messageId: '1000000001',
    statusType: 'Outage',
    datePosted: '09/30/2026 06:30 PDT',
    startDate: '09/30/2026 04:13 PDT',
    endDate: null,
    affectedServices: null,
    eventStatus: 'ongoing',
    message: 'Users may be experiencing intermittent issues with this service.',
    ...over,
  };
}

const jsonp = (doc: unknown): string => `jsonCallback(${JSON.stringify(doc)});`;
const doc = (services: Array<{ serviceName: string; events: unknown[] }>): string =>
  jsonp({ drpost: false, drMessage: null, services: services.map((s) => ({ redirectUrl: null, ...s })) });

async function failure(body: string, url = APPLE_URL): Promise<FormatError> {
  try {
    await parseDocument(body, { url, now: NOW });
  } catch (err) {
    expect(err).toBeInstanceOf(FormatError);
    return err as FormatError;
  }
  throw new Error('expected a FormatError');
}

describe('apple-json: consumer document', () => {
  it('names the provider and page, keeps every service as a component, coverage history', async () => {
    const s = await consumer();
    expect([s.format, s.provider, s.pageUrl, s.coverage]).toEqual(['apple-json', 'Apple', 'https://www.apple.com/support/systemstatus/', 'history']);
    expect(s.components.map((c) => c.name)).toEqual([
      'App Store', 'Apple Business Manager', 'Apple Music', 'Apple Pay', 'iCloud Account & Sign In', 'iCloud Drive',
      'iCloud Keychain', 'iCloud Mail', 'Maps Display', 'Siri', 'Weather',
    ]);
  });

  it('an open outage degrades only its service: "some users" → partial, "all users" → major', async () => {
    const s = await consumer();
    const status = Object.fromEntries(s.components.map((c) => [c.name, c.status]));
    expect(status['iCloud Mail']).toBe('partial_outage');
    expect(status['iCloud Drive']).toBe('major_outage');
    expect(status['Apple Business Manager']).toBe('under_maintenance');
    // Resolved and upcoming events leave their services operational.
    expect([status['iCloud Keychain'], status['Maps Display'], status['Siri']]).toEqual(['operational', 'operational', 'operational']);
    expect(s.health).toBe('major_outage');
  });

  it('ongoing events are open incidents with the messageId as id, start from epochStartDate (ms)', async () => {
    const s = await consumer();
    expect(s.activeIncidents.map((i) => [i.id, i.kind, i.title, i.status, i.impact, i.components])).toEqual([
      ['2000001004', 'maintenance', 'Apple Business Manager: Maintenance', 'in_progress', 'maintenance', ['Apple Business Manager']],
      ['1000001003', 'incident', 'iCloud Drive: Outage', 'investigating', 'critical', ['iCloud Drive']],
      ['1000001002', 'incident', 'iCloud Mail: Outage', 'investigating', 'major', ['iCloud Mail']],
    ]);
    const mail = byId(s, '1000001002');
    expect(mail.createdAt).toBe('2026-09-30T11:13:00.000Z'); // 04:13 PDT
    expect(mail.url).toBe('https://www.apple.com/support/systemstatus/');
    expect(mail.updates).toEqual([
      {
        status: 'investigating',
        label: 'ongoing',
        text: 'Users may be experiencing intermittent issues with this service.\nSome users are affected',
        at: '2026-09-30T11:13:00.000Z',
      },
    ]);
  });

  it('a resolved event is a recent incident that ended at epochEndDate', async () => {
    const s = await consumer();
    expect(s.recentIncidents.map((i) => i.id)).toEqual(['2000001001']);
    const keychain = byId(s, '2000001001');
    expect([keychain.title, keychain.status, keychain.impact]).toEqual(['iCloud Keychain: Issue', 'resolved', 'minor']);
    expect([keychain.createdAt, keychain.updatedAt]).toEqual(['2026-09-28T19:16:00.000Z', '2026-09-28T22:55:00.000Z']);
    expect(keychain.updates[0]?.status).toBe('resolved');
  });

  it('an upcoming maintenance is scheduled with its planned window', async () => {
    const s = await consumer();
    expect(s.scheduledMaintenances).toHaveLength(1);
    const maps = s.scheduledMaintenances[0]!;
    expect([maps.id, maps.status, maps.kind, maps.scheduledFor, maps.scheduledUntil]).toEqual([
      '2000001005', 'scheduled', 'maintenance', '2026-10-03T18:00:00.000Z', '2026-10-03T19:00:00.000Z',
    ]);
  });
});

describe('apple-json: developer document', () => {
  it('is Apple Developer with the developer page, names trimmed', async () => {
    const s = await developer();
    expect([s.provider, s.pageUrl]).toEqual(['Apple Developer', 'https://developer.apple.com/system-status/']);
    expect(s.components.map((c) => c.name)).toContain('App Store Connect - App Processing');
    expect(s.components.map((c) => c.name)).toContain('Certificates, Identifiers & Profiles');
  });

  it('one message under several services is one incident; open while any copy is ongoing, naming only those services', async () => {
    const s = await developer();
    expect(allIncidents(s).filter((i) => i.id === '2000002001')).toHaveLength(1);
    const m = byId(s, '2000002001');
    expect([m.status, m.kind, m.components, m.title]).toEqual(['in_progress', 'maintenance', ['Videos'], 'Videos: Maintenance']);
    const status = Object.fromEntries(s.components.map((c) => [c.name, c.status]));
    expect([status.Videos, status['App Store Connect'], status['App Store Connect - TestFlight']]).toEqual(['under_maintenance', 'operational', 'operational']);
    expect(s.health).toBe('maintenance');
  });

  it('once every copy is completed the message is one completed maintenance over all its services', async () => {
    const body = fixture('developer_system_status_en_US.js').replace('"eventStatus":"ongoing"', '"eventStatus":"completed"');
    const s = await parseDocument(body, { url: DEVELOPER_URL, now: NOW });
    const m = byId(s, '2000002001');
    expect(m.status).toBe('completed');
    expect(m.components).toEqual(['App Store Connect', 'App Store Connect - App Processing', 'App Store Connect - TestFlight', 'Videos']);
    expect(m.title).toBe('App Store Connect and 3 more: Maintenance');
    expect(m.updatedAt).toBe('2026-09-26T15:00:00.000Z');
    // The copies' different messages are all kept.
    expect(m.updates[0]?.text).toContain('Users may have experienced issues with the service.');
    expect(s.health).toBe('operational');
  });

  it('keeps both resolved events of one service and the upcoming TestFlight maintenance', async () => {
    const s = await developer();
    expect(s.recentIncidents.map((i) => [i.id, i.impact])).toEqual([
      ['2000002003', 'critical'],
      ['2000002004', 'minor'],
    ]);
    expect(s.scheduledMaintenances.map((i) => [i.id, i.components])).toEqual([['2000002002', ['App Store Connect - TestFlight']]]);
  });
});

describe('apple-json: detection and the JSONP wrapper', () => {
  it('is detected from the wrapper and shape alone, whatever the URL', async () => {
    const body = fixture('system_status_en_US.js');
    expect(detectFormat(body, { url: 'http://127.0.0.1:8080/status.js' })?.id).toBe('apple-json');
    const s = await consumer('http://127.0.0.1:8080/status.js');
    expect([s.provider, s.activeIncidents.length]).toEqual(['Apple', 3]);
  });

  it('reads the same document without the wrapper, and with whitespace or another callback name', async () => {
    const wrapped = fixture('system_status_en_US.js');
    const inner = unwrapJsonp(wrapped);
    expect(inner.startsWith('{"drpost"') && inner.endsWith(']}')).toBe(true);
    const expected = await consumer();
    for (const body of [inner, `\n  ${wrapped}\n`, `cb_123 ( ${inner} )`]) {
      expect(await parseDocument(body, { url: APPLE_URL, now: NOW })).toEqual(expected);
    }
  });

  it('recognises only a call whose argument is JSON', () => {
    expect(isJsonpHead('jsonCallback({"services":[')).toBe(true);
    expect(isJsonpHead('window.cb([1])')).toBe(true);
    expect(isJsonpHead('service is up (mostly)')).toBe(false);
    expect(isJsonpHead('alert(document.cookie)')).toBe(false);
  });

  describe('never evaluates the body', () => {
    afterEach(() => {
      delete (globalThis as Record<string, unknown>).jsonCallback;
    });

    it('a defined jsonCallback function is not called', async () => {
      const spy = vi.fn();
      (globalThis as Record<string, unknown>).jsonCallback = spy;
      await consumer();
      expect(spy).not.toHaveBeenCalled();
    });
  });

  it('a malformed wrapper is a parse error', async () => {
    const inner = unwrapJsonp(fixture('system_status_en_US.js'));
    expect((await failure(`jsonCallback(${inner}`)).code).toBe('parse'); // never closed
    expect((await failure(`jsonCallback(${inner.slice(0, 1500)});`)).code).toBe('parse'); // truncated inside
    expect((await failure(`jsonCallback(${inner}); alert(1)`)).code).toBe('parse'); // code after the call
    expect((await failure(`jsonCallback(${inner})(1);`)).code).toBe('parse');
    expect(() => unwrapJsonp('<html>')).toThrow(FormatError);
  });

  it('a wrapped document of the wrong shape is a parse error', async () => {
    expect((await failure(jsonp({ services: 'none' }))).code).toBe('parse');
    expect((await failure(jsonp({ services: [{ serviceName: 'iCloud Mail', events: [] }] }).replace('"services"', '"nope"'), APPLE_URL)).code).toBe('parse');
  });
});

describe('apple-json: odd and hostile input', () => {
  it('__proto__ keys and names neither pollute prototypes nor break parsing', async () => {
    const body =
      'jsonCallback({"__proto__":{"polluted":1},"services":[' +
      '{"__proto__":{"polluted":2},"serviceName":"__proto__","events":[' +
      '{"__proto__":{"polluted":3},"messageId":"__proto__","statusType":"Outage","eventStatus":"ongoing",' +
      '"usersAffected":"All users are affected","epochStartDate":1790759580000,"epochEndDate":null,"message":"x"}]},' +
      '{"serviceName":"constructor","events":[]}]});';
    const s = await parseDocument(body, { url: APPLE_URL, now: NOW });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
    expect(s.components).toEqual([
      { name: '__proto__', status: 'major_outage' },
      { name: 'constructor', status: 'operational' },
    ]);
    expect(s.activeIncidents.map((i) => [i.id, i.components])).toEqual([['__proto__', ['__proto__']]]);
  });

  it('without a messageId the id is a stable hash of service and start, distinct per service', async () => {
    const body = doc([
      { serviceName: 'Siri', events: [event({ messageId: null })] },
      { serviceName: 'Weather', events: [event({ messageId: undefined })] },
    ]);
    const a = await parseDocument(body, { url: APPLE_URL, now: NOW });
    const b = await parseDocument(body, { url: APPLE_URL, now: NOW + 60_000 });
    const ids = a.activeIncidents.map((i) => i.id);
    expect(ids).toHaveLength(2);
    expect(ids.every((id) => id.startsWith('sha256:'))).toBe(true);
    expect(new Set(ids).size).toBe(2);
    expect(b.activeIncidents.map((i) => i.id).sort()).toEqual([...ids].sort());
  });

  it('reads startDate/endDate text when the epoch fields are missing, honouring PDT/PST in the repeated hour', async () => {
    // Text and epochs of the 2020 developer capture's "Developer ID Notary Service" event (message 2000000030).
    const real = { startDate: '11/01/2020 00:01 PDT', endDate: '11/01/2020 01:00 PST', epochStartDate: 1604214060000, epochEndDate: 1604221200000, eventStatus: 'resolved' };
    const withEpochs = await parseDocument(doc([{ serviceName: 'Siri', events: [event(real)] }]), { url: APPLE_URL, now: NOW });
    const textOnly = await parseDocument(doc([{ serviceName: 'Siri', events: [event({ ...real, epochStartDate: undefined, epochEndDate: undefined })] }]), { url: APPLE_URL, now: NOW });
    const i = textOnly.recentIncidents[0]!;
    expect([i.createdAt, i.updatedAt]).toEqual(['2020-11-01T07:01:00.000Z', '2020-11-01T09:00:00.000Z']);
    expect(textOnly).toEqual(withEpochs);
  });

  it('eventStatus decides open or closed; endDate only when eventStatus is unknown', async () => {
    const body = doc([
      { serviceName: 'Siri', events: [event({ messageId: '1', epochEndDate: 1790763180000 })] }, // ongoing with an end: still open
      { serviceName: 'Maps Search', events: [event({ messageId: '2', eventStatus: 'mystery', epochEndDate: 1790763180000 })] },
      { serviceName: 'Weather', events: [event({ messageId: '3', eventStatus: undefined })] },
    ]);
    const s = await parseDocument(body, { url: APPLE_URL, now: NOW });
    expect(s.activeIncidents.map((i) => i.id).sort()).toEqual(['1', '3']);
    expect(s.recentIncidents.map((i) => [i.id, i.status])).toEqual([['2', 'resolved']]);
  });

  it('Issue and Performance degrade; a service listed twice is one component', async () => {
    const body = doc([
      { serviceName: 'Siri', events: [event({ statusType: 'Performance' })] },
      { serviceName: 'Stocks', events: [event({ messageId: '9', statusType: 'Issue' })] },
      { serviceName: 'Siri', events: [] },
    ]);
    const s = await parseDocument(body, { url: APPLE_URL, now: NOW });
    expect(s.components).toEqual([
      { name: 'Siri', status: 'degraded_performance' },
      { name: 'Stocks', status: 'degraded_performance' },
    ]);
    expect(s.health).toBe('degraded');
  });

  it('skips malformed services and events instead of failing the page', async () => {
    const body = jsonp({ services: [42, { serviceName: '' , events: [] }, { serviceName: 'Siri', events: ['x', null, event()] }] });
    const s = await parseDocument(body, { url: APPLE_URL, now: NOW });
    expect(s.components).toEqual([{ name: 'Siri', status: 'partial_outage' }]);
    expect(s.activeIncidents).toHaveLength(1);
  });
});
