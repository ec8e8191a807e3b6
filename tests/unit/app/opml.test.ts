/** OPML import and export through the controller: what is added, what is refused, and that refusals change nothing. */
import { describe, expect, it } from 'vitest';
import { createAppController } from '../../../shared/app/controller';
import { OPML_EXPORT_FILE_NAME, OpmlFileError, type OpmlFilePort } from '../../../shared/app/opml';
import type { AppSettings } from '../../../shared/ipc/contract';
import { parseOpml } from '../../../shared/opml/opml';
import { FakeClock, FakeEngine, MemorySettings, engineSnap, settingsWith, source, sourceSnap } from './helpers';

const AWS = 'https://status.aws.amazon.com/rss/all.rss';

/** An export like NetNewsWire's: folders, title and text, one non-http entry. */
const READER_EXPORT = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.1">
  <head><title>Subscriptions</title></head>
  <body>
    <outline text="Status">
      <outline text="GitHub Status" title="GitHub Status" type="rss" xmlUrl="https://www.githubstatus.com/history.atom" htmlUrl="https://www.githubstatus.com"/>
      <outline text="DigitalOcean" type="rss" xmlUrl="https://status.digitalocean.com/history.rss"/>
      <outline text="AWS" type="rss" xmlUrl="${AWS}"/>
    </outline>
    <outline text="Local" type="rss" xmlUrl="file:///home/me/feed.xml"/>
    <outline text="Cursor (again)" type="rss" xmlUrl="HTTPS://STATUS.CURSOR.COM/api/v2/summary.json#x"/>
  </body>
</opml>`;

function setup(initial: AppSettings = settingsWith([]), files?: OpmlFilePort) {
  const engine = new FakeEngine();
  const settings = new MemorySettings(initial);
  const clock = new FakeClock(Date.UTC(2026, 8, 30, 9, 0, 0));
  let n = 0;
  const controller = createAppController({
    engine,
    settings,
    clock,
    preview: async () => ({ ok: false, error: { code: 'fetch-failed', message: 'unused' } }),
    newId: () => `imported-${++n}`,
    ...(files ? { opmlFiles: files } : {}),
  });
  return { controller, engine, settings };
}

/** A file port double: `chooseImport` answers from `next`; `saveExport` records and answers `savePath`. */
function filePort(over: Partial<OpmlFilePort> = {}) {
  const saved: Array<{ text: string; name: string }> = [];
  const port: OpmlFilePort = {
    chooseImport: async () => undefined,
    saveExport: async (text, name) => {
      saved.push({ text, name });
      return `/home/me/Documents/${name}`;
    },
    ...over,
  };
  return { port, saved };
}

describe('importOpmlText', () => {
  it('adds new feeds with their names, skips non-http entries, and counts feeds already watched', async () => {
    const start = settingsWith([source('cursor', { url: 'https://status.cursor.com/api/v2/summary.json', name: 'Cursor' })], { defaultIntervalSeconds: 600 });
    const { controller, engine, settings } = setup(start);
    const r = await controller.importOpmlText(READER_EXPORT);
    expect(r).toEqual({ ok: true, value: { canceled: false, added: 3, alreadyPresent: 1, skipped: 1, credentialsRemoved: 0 } });
    expect(settings.value.sources.slice(1)).toEqual([
      { id: 'imported-1', url: 'https://www.githubstatus.com/history.atom', name: 'GitHub Status', enabled: true, intervalSeconds: 600, notify: 'all' },
      { id: 'imported-2', url: 'https://status.digitalocean.com/history.rss', name: 'DigitalOcean', enabled: true, intervalSeconds: 600, notify: 'all' },
      { id: 'imported-3', url: AWS, name: 'AWS', enabled: true, intervalSeconds: 600, notify: 'all' },
    ]);
    expect(engine.sources.map((s) => s.id)).toEqual(['cursor', 'imported-1', 'imported-2', 'imported-3']);
  });

  it('says in the import report that it removed credentials, and stores none', async () => {
    const { controller, settings } = setup(settingsWith([]));
    const r = await controller.importOpmlText(
      '<opml version="2.0"><body><outline text="Private" xmlUrl="https://ops:hunter2@status.example.com/history.atom"/></body></opml>',
    );
    expect(r).toEqual({ ok: true, value: { canceled: false, added: 1, alreadyPresent: 0, skipped: 0, credentialsRemoved: 1 } });
    expect(settings.value.sources.map((s) => s.url)).toEqual(['https://status.example.com/history.atom']);
    expect(JSON.stringify(settings.value)).not.toContain('hunter2');
  });

  it('adds a shared feed even when a filtered source on the same URL is watched', async () => {
    const { controller, settings } = setup(settingsWith([source('uae', { url: AWS, filter: { regions: ['me-central-1'] } })]));
    const r = await controller.importOpmlText(`<opml version="2.0"><body><outline text="AWS" xmlUrl="${AWS}"/></body></opml>`);
    expect(r).toMatchObject({ ok: true, value: { added: 1, alreadyPresent: 0 } });
    expect(settings.value.sources.map((s) => s.filter)).toEqual([{ regions: ['me-central-1'] }, undefined]);
  });

  it('writes nothing when every feed is already watched', async () => {
    const { controller, settings } = setup(settingsWith([source('aws', { url: AWS })]));
    const r = await controller.importOpmlText(`<opml version="2.0"><body><outline text="AWS" xmlUrl="${AWS}/"/></body></opml>`);
    expect(r).toEqual({ ok: true, value: { canceled: false, added: 0, alreadyPresent: 1, skipped: 0, credentialsRemoved: 0 } });
    expect(settings.writes).toBe(0);
  });

  it('cuts names longer than settings allow instead of refusing the file', async () => {
    const { controller, settings } = setup();
    const long = `${'Very long feed title '.repeat(8)}end`;
    await controller.importOpmlText(`<opml version="2.0"><body><outline text="${long}" xmlUrl="https://x.example/feed"/></body></opml>`);
    const name = settings.value.sources[0]?.name ?? '';
    expect(name.length).toBeLessThanOrEqual(100);
    expect(name.endsWith('…')).toBe(true);
  });

  it.each([
    ['not XML', 'this is not xml <', /not well-formed/],
    ['XML but not OPML', '<?xml version="1.0"?><rss version="2.0"><channel/></rss>', /not OPML/],
    ['a DOCTYPE', '<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x "y">]><opml><body/></opml>', /DOCTYPE/],
    ['an empty file', '', /empty/],
  ])('refuses %s with a clear message and changes nothing', async (_label, xml, message) => {
    const before = settingsWith([source('gh')]);
    const { controller, engine, settings } = setup(before);
    const pushed: unknown[] = [];
    controller.onSnapshot((s) => pushed.push(s));
    const r = await controller.importOpmlText(xml);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-file', message: expect.stringMatching(message) } });
    expect(settings.writes).toBe(0);
    expect(controller.settings()).toEqual(before);
    expect(engine.sources).toEqual([]);
    expect(pushed).toEqual([]);
  });

  it('refuses a file that would take the list past 500 sources, adding none of it', async () => {
    const existing = Array.from({ length: 499 }, (_, i) => source(`s${i}`));
    const { controller, settings } = setup(settingsWith(existing));
    const outlines = ['a', 'b'].map((x) => `<outline text="${x}" xmlUrl="https://${x}.example/feed"/>`).join('');
    const r = await controller.importOpmlText(`<opml version="2.0"><body>${outlines}</body></opml>`);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-file', message: expect.stringContaining('500') } });
    expect(settings.value.sources).toHaveLength(499);
  });

  it('keeps the old settings when saving the import fails', async () => {
    const { controller, engine, settings } = setup();
    settings.failNext = true;
    const r = await controller.importOpmlText(READER_EXPORT);
    expect(r).toEqual({ ok: false, error: { code: 'internal', message: 'The settings could not be saved.' } });
    expect(controller.settings().sources).toEqual([]);
    expect(engine.sources).toEqual([]);
  });
});

describe('importOpml and exportOpml through the file port', () => {
  it('imports the chosen file, reports a cancelled dialog, and turns a refused file into invalid-file', async () => {
    const queue: Array<string | undefined | Error> = [READER_EXPORT, undefined, new OpmlFileError('The file is larger than 1024 KB, too large for a subscription list.')];
    const { port } = filePort({
      chooseImport: async () => {
        const next = queue.shift();
        if (next instanceof Error) throw next;
        return next;
      },
    });
    const { controller, settings } = setup(settingsWith([]), port);
    expect(await controller.importOpml()).toEqual({ ok: true, value: { canceled: false, added: 4, alreadyPresent: 0, skipped: 1, credentialsRemoved: 0 } });
    expect(await controller.importOpml()).toEqual({ ok: true, value: { canceled: true, added: 0, alreadyPresent: 0, skipped: 0, credentialsRemoved: 0 } });
    expect(await controller.importOpml()).toEqual({ ok: false, error: { code: 'invalid-file', message: expect.stringContaining('too large') } });
    expect(settings.value.sources).toHaveLength(4);
  });

  it('exports names (the override, else the provider), URLs and filters that import back to the same list', async () => {
    const start = settingsWith([
      source('gh', { url: 'https://www.githubstatus.com/api/v2/summary.json' }),
      source('ec2', { url: AWS, name: 'EC2 <us-east-1> & "friends"', filter: { components: ['ec2'], regions: ['us-east-1'] } }),
    ]);
    const { port, saved } = filePort();
    const { controller, engine } = setup(start, port);
    engine.emitSnapshot(engineSnap([sourceSnap('gh', 'GitHub', 'operational'), sourceSnap('ec2', 'Amazon Web Services', 'operational')]));
    const r = await controller.exportOpml();
    expect(r).toEqual({ ok: true, value: { canceled: false, count: 2, path: `/home/me/Documents/${OPML_EXPORT_FILE_NAME}` } });
    expect(saved).toHaveLength(1);
    const parsed = parseOpml(saved[0]?.text ?? '');
    expect(parsed.title).toBe('Status Tray sources');
    expect(parsed.sources).toEqual([
      { url: 'https://www.githubstatus.com/api/v2/summary.json', name: 'GitHub' },
      { url: AWS, name: 'EC2 <us-east-1> & "friends"', filter: { components: ['ec2'], regions: ['us-east-1'] } },
    ]);
    const text = await controller.exportOpmlText();
    expect(text).toEqual({ ok: true, value: saved[0]?.text });

    const fresh = setup();
    expect(await fresh.controller.importOpmlText(saved[0]?.text ?? '')).toMatchObject({ ok: true, value: { added: 2 } });
    expect(fresh.settings.value.sources.map((s) => [s.url, s.name, s.filter])).toEqual([
      ['https://www.githubstatus.com/api/v2/summary.json', 'GitHub', undefined],
      [AWS, 'EC2 <us-east-1> & "friends"', { components: ['ec2'], regions: ['us-east-1'] }],
    ]);
    // Importing the same file again adds nothing: same URL and same filter.
    expect(await fresh.controller.importOpmlText(saved[0]?.text ?? '')).toMatchObject({ ok: true, value: { added: 0, alreadyPresent: 2 } });
  });

  it('reports a cancelled save, and a failed write as file-failed', async () => {
    const cancelled = setup(settingsWith([source('gh')]), filePort({ saveExport: async () => undefined }).port);
    expect(await cancelled.controller.exportOpml()).toEqual({ ok: true, value: { canceled: true, count: 0 } });
    const failing = setup(settingsWith([source('gh')]), filePort({ saveExport: () => Promise.reject(new Error('EACCES: permission denied')) }).port);
    expect(await failing.controller.exportOpml()).toEqual({ ok: false, error: { code: 'file-failed', message: expect.stringContaining('EACCES') } });
  });

  it('fails as a value where no file port exists', async () => {
    const { controller } = setup();
    expect(await controller.importOpml()).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(await controller.exportOpml()).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
