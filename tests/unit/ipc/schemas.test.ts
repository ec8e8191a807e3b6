import { describe, expect, it } from 'vitest';
import { IPC_INVOKE, viewFromSearch, type StatusTrayApi } from '../../../shared/ipc/contract';
import { dispatchInvoke, METHOD_BY_CHANNEL } from '../../../shared/ipc/dispatch';
import { invokeArgsSchemas, parseInvokeArgs, senderOrigin, validateSender } from '../../../shared/ipc/schemas';

const TRUSTED = ['app://status-tray'];

describe('validateSender', () => {
  it.each([
    ['app://status-tray/index.html', true],
    ['app://status-tray/settings.html?x=1#y', true],
    ['app://evil/index.html', false],
    ['https://status-tray/index.html', false],
    ['https://evil.example/', false],
    ['file:///C:/app/dist/renderer/index.html', false],
    ['about:blank', false],
    ['', false],
    [undefined, false],
    [null, false],
    ['not a url', false],
  ])('%s → %s', (url, ok) => {
    expect(validateSender(url, TRUSTED)).toBe(ok);
  });

  it('matches a dev server by scheme, host and port', () => {
    expect(validateSender('http://localhost:5173/settings.html', ['http://localhost:5173'])).toBe(true);
    expect(validateSender('http://localhost:5174/', ['http://localhost:5173'])).toBe(false);
  });

  it('matches a trusted file:// page exactly, not its neighbours', () => {
    const trusted = ['file:///opt/app/dist/renderer/index.html'];
    expect(validateSender('file:///opt/app/dist/renderer/index.html#/x', trusted)).toBe(true);
    expect(validateSender('file:///tmp/evil.html', trusted)).toBe(false);
  });

  it('senderOrigin gives an origin for custom schemes where URL.origin says "null"', () => {
    expect(new URL('app://status-tray/x').origin).toBe('null');
    expect(senderOrigin('app://status-tray/x')).toBe('app://status-tray');
  });
});

describe('invoke payload schemas', () => {
  it('has a schema for every invoke channel of the contract', () => {
    expect(Object.keys(invokeArgsSchemas).sort()).toEqual(Object.keys(IPC_INVOKE).sort());
    expect([...METHOD_BY_CHANNEL.keys()].sort()).toEqual(Object.values(IPC_INVOKE).sort());
  });

  it.each<[keyof typeof invokeArgsSchemas, unknown[]]>([
    ['previewSource', ['javascript:alert(1)']],
    ['previewSource', [`https://x.example/${'a'.repeat(2048)}`]],
    ['previewSource', [42]],
    ['previewSource', []],
    ['addSource', [{ url: 'https://x.example/', extra: true }]],
    ['addSource', [{ url: 'https://x.example/', intervalSeconds: 59 }]],
    ['addSource', [{ url: 'https://x.example/', notify: 'loud' }]],
    ['addSource', [{ url: 'https://x.example/', name: 'x'.repeat(101) }]],
    ['addSource', ['https://x.example/']],
    ['updateSource', ['a', { url: 'https://evil.example/' }]],
    ['updateSource', ['a', JSON.parse('{"__proto__":{"enabled":true}}')]],
    ['updateSource', ['../../etc', { enabled: true }]],
    ['updateSource', ['__proto__', { enabled: true }]],
    ['removeSource', [{}]],
    ['checkNow', [123]],
    ['pauseNotifications', ['tomorrow']],
    ['pauseNotifications', [-5]],
    ['setLaunchAtLogin', ['yes']],
    ['setDefaultInterval', [30.5]],
    ['openExternal', ['file:///etc/passwd']],
    ['openSettings', ['extra']],
    ['getSnapshot', [1]],
    ['addSource', [{ url: 'https://x.example/', filter: {} }]],
    ['addSource', [{ url: 'https://x.example/', filter: null }]],
    ['addSource', [{ url: 'https://x.example/', filter: { components: [] } }]],
    ['addSource', [{ url: 'https://x.example/', filter: { regions: ['  '] } }]],
    ['addSource', [{ url: 'https://x.example/', filter: { regions: ['r'.repeat(101)] } }]],
    ['addSource', [{ url: 'https://x.example/', filter: { components: Array.from({ length: 501 }, (_, i) => `c${i}`) } }]],
    ['addSource', [{ url: 'https://x.example/', filter: { components: [42] } }]],
    ['addSource', [{ url: 'https://x.example/', filter: { services: ['ec2'] } }]],
    ['addSource', [{ url: 'https://x.example/', filter: 'us-east-1' }]],
    ['importOpml', ['/etc/passwd']],
    ['exportOpml', ['/tmp/out.opml']],
    ['setPopoverPinned', []],
    ['setPopoverPinned', ['true']],
    ['setPopoverPinned', [1]],
    ['setPopoverPinned', [true, 'extra']],
    ['closePopover', ['now']],
    ['openFullWindow', [{ width: 9999 }]],
    ['getIncidentUpdates', ['aws', '']],
    ['getIncidentUpdates', ['aws', 'x'.repeat(501)]],
    ['getIncidentUpdates', ['__proto__', 'x']],
    ['getIncidentUpdates', ['aws']],
    ['getIncidentUpdates', ['aws', 'x', 'extra']],
  ])('%s rejects %j', (method, args) => {
    expect(parseInvokeArgs(method, args).ok).toBe(false);
  });

  it.each<[keyof typeof invokeArgsSchemas, unknown[]]>([
    ['previewSource', ['https://www.githubstatus.com']],
    ['addSource', [{ url: 'https://x.example/', name: 'X', notify: 'major', intervalSeconds: 60 }]],
    ['updateSource', ['a1b2-c3', { enabled: false }]],
    ['checkNow', []],
    ['checkNow', ['abc']],
    ['pauseNotifications', [null]],
    ['pauseNotifications', [1_800_000_000_000]],
    ['setDefaultInterval', [86_400]],
    ['addSource', [{ url: 'https://status.aws.amazon.com/rss/all.rss', filter: { components: ['Amazon Elastic Compute Cloud', 'ec2'], regions: ['us-east-1'] } }]],
    ['addSource', [{ url: 'https://status.aws.amazon.com/rss/all.rss', filter: { regions: ['me-central-1', 'UAE'] } }]],
    ['importOpml', []],
    ['exportOpml', []],
    ['setPopoverPinned', [true]],
    ['setPopoverPinned', [false]],
    ['closePopover', []],
    ['openFullWindow', []],
    ['getIncidentUpdates', ['aws', 'https://status.aws.amazon.com/#multipleservices-me-central-1_1772396043']],
  ])('%s accepts %j', (method, args) => {
    expect(parseInvokeArgs(method, args).ok).toBe(true);
  });

  it('trims filter names as it validates them', () => {
    const r = parseInvokeArgs('addSource', [{ url: 'https://x.example/', filter: { regions: [' us-east-1 '] } }]);
    expect(r).toEqual({ ok: true, args: [{ url: 'https://x.example/', filter: { regions: ['us-east-1'] } }] });
  });

  it('says what was wrong, with the path', () => {
    const r = parseInvokeArgs('addSource', [{ url: 'https://x.example/', intervalSeconds: 10 }]);
    expect(r).toEqual({ ok: false, message: 'The interval must be at least 60 seconds (at 0.intervalSeconds)' });
  });
});

describe('dispatchInvoke', () => {
  const calls: unknown[][] = [];
  const api = new Proxy({} as StatusTrayApi, {
    get: (_t, method: string) => async (...args: unknown[]) => {
      calls.push([method, ...args]);
      if (method === 'removeSource') throw new Error('disk on fire');
      if (method === 'openSettings') return undefined;
      return { ok: true, value: null };
    },
  });

  it('refuses an untrusted sender before looking at the payload or calling the API', async () => {
    calls.length = 0;
    const r = await dispatchInvoke(api, 'addSource', 'https://evil.example/', [{ url: 'https://x.example/' }], TRUSTED);
    expect(r).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    expect(calls).toEqual([]);
  });

  it('refuses a bad payload without calling the API', async () => {
    calls.length = 0;
    const r = await dispatchInvoke(api, 'openExternal', 'app://status-tray/index.html', ['javascript:alert(1)'], TRUSTED);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(calls).toEqual([]);
  });

  it('passes validated arguments through', async () => {
    calls.length = 0;
    const r = await dispatchInvoke(api, 'updateSource', 'app://status-tray/settings.html', ['abc', { name: '  GitHub  ' }], TRUSTED);
    expect(r).toEqual({ ok: true, value: null });
    expect(calls).toEqual([['updateSource', 'abc', { name: 'GitHub' }]]);
  });

  it('turns a thrown error or a missing result into an internal error value', async () => {
    expect(await dispatchInvoke(api, 'removeSource', 'app://status-tray/', ['abc'], TRUSTED)).toEqual({ ok: false, error: { code: 'internal', message: 'disk on fire' } });
    expect(await dispatchInvoke(api, 'openSettings', 'app://status-tray/', [], TRUSTED)).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

describe('viewFromSearch', () => {
  it.each([
    ['?view=popover', 'popover'],
    ['?x=1&view=popover', 'popover'],
    ['', 'full'],
    ['?view=full', 'full'],
    ['?view=POPOVER', 'full'],
    ['?views=popover', 'full'],
  ] as const)('%j → %s', (search, view) => {
    expect(viewFromSearch(search)).toBe(view);
  });
});
