/** Big-cloud filters from the IPC payload to the engine config, and duplicates judged by URL and filter. */
import { describe, expect, it } from 'vitest';
import { toSourceConfigs } from '../../../shared/domain/settings';
import { parseSettingsFile, toSettingsFile } from '../../../shared/ipc/settings-schema';
import { filterKey, sourceKey } from '../../../shared/domain/source-key';
import { controllerOver, engineSnap, MemorySettings, settingsWith, source, sourceSnap, throughIpc } from './helpers';

const AWS = 'https://status.aws.amazon.com/rss/all.rss';
const EC2_US_EAST = { components: ['Amazon Elastic Compute Cloud', 'ec2'], regions: ['us-east-1'] };
const UAE = { regions: ['me-central-1', 'UAE'] };

const setup = controllerOver;

describe('adding a filtered source', () => {
  it('saves the filter and hands it to the engine', async () => {
    const { controller, engine, settings } = setup();
    const r = await controller.addSource({ url: AWS, name: 'Amazon Elastic Compute Cloud (us-east-1)', filter: EC2_US_EAST });
    expect(r).toMatchObject({ ok: true, value: { id: 'src-1', url: AWS, filter: EC2_US_EAST } });
    expect(settings.value.sources[0]?.filter).toEqual(EC2_US_EAST);
    expect(engine.sources).toEqual([
      { id: 'src-1', url: AWS, name: 'Amazon Elastic Compute Cloud (us-east-1)', intervalSeconds: 300, enabled: true, filter: EC2_US_EAST, failAfter: 2 },
    ]);
  });

  it('accepts two sources on one shared feed when their filters differ, and the whole feed as a third', async () => {
    const { controller, engine } = setup();
    expect((await controller.addSource({ url: AWS, filter: EC2_US_EAST })).ok).toBe(true);
    expect((await controller.addSource({ url: AWS, filter: UAE })).ok).toBe(true);
    expect((await controller.addSource({ url: AWS })).ok).toBe(true);
    expect(engine.sources.map((s) => s.filter)).toEqual([EC2_US_EAST, UAE, undefined]);
  });

  it('refuses the same URL and filter, however the names are ordered, cased or spaced', async () => {
    const { controller, settings } = setup(new MemorySettings(settingsWith([source('uae', { url: AWS, name: 'AWS (UAE)', filter: UAE })])));
    for (const filter of [UAE, { regions: ['uae', 'ME-CENTRAL-1'] }, { regions: ['UAE', 'me-central-1', 'UAE'] }]) {
      const r = await controller.addSource({ url: 'https://STATUS.aws.amazon.com/rss/all.rss#x', filter });
      expect(r).toEqual({ ok: false, error: { code: 'duplicate', message: 'AWS (UAE) is already in your list.' } });
    }
    expect(settings.writes).toBe(0);
  });

  it('names an unnamed duplicate by its provider, else its host', async () => {
    const { controller, engine } = setup(new MemorySettings(settingsWith([source('gh', { url: 'https://www.githubstatus.com/api/v2/summary.json' })])));
    expect(await controller.addSource({ url: 'https://www.githubstatus.com/api/v2/summary.json' })).toEqual({
      ok: false,
      error: { code: 'duplicate', message: 'www.githubstatus.com is already in your list.' },
    });
    engine.emitSnapshot(engineSnap([sourceSnap('gh', 'GitHub', 'operational')]));
    expect(await controller.addSource({ url: 'https://www.githubstatus.com/api/v2/summary.json' })).toEqual({
      ok: false,
      error: { code: 'duplicate', message: 'GitHub is already in your list.' },
    });
  });

  it('refuses an invalid filter before anything is saved', async () => {
    const { controller, settings } = setup();
    const r = await throughIpc(controller).addSource({ url: AWS, filter: { components: [] } });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-payload', message: expect.stringContaining('filter') } });
    expect(settings.writes).toBe(0);
  });
});

describe('filters in settings.json', () => {
  it('round-trips a filtered source and still reads files written before filters existed', () => {
    const withFilter = settingsWith([source('ec2', { url: AWS, filter: EC2_US_EAST }), source('gh')]);
    expect(parseSettingsFile(JSON.parse(JSON.stringify(toSettingsFile(withFilter))))).toEqual(withFilter);
    const before = toSettingsFile(settingsWith([source('gh')]));
    expect(parseSettingsFile(before)?.sources[0]).not.toHaveProperty('filter');
  });

  it.each([
    ['an empty filter', {}],
    ['an empty list', { regions: [] }],
    ['an unknown key', { services: ['ec2'] }],
    ['a name over 100 characters', { components: ['x'.repeat(101)] }],
  ])('rejects a file with %s', (_label, filter) => {
    const file = toSettingsFile(settingsWith([source('a', { url: AWS })]));
    (file.sources[0] as unknown as Record<string, unknown>).filter = filter;
    expect(parseSettingsFile(file)).toBeUndefined();
  });

  it('passes only a filter that narrows something to the engine', () => {
    const configs = toSourceConfigs(settingsWith([source('ec2', { url: AWS, filter: EC2_US_EAST }), source('all', { url: AWS })]));
    expect(configs[0]?.filter).toEqual(EC2_US_EAST);
    expect(configs[1]).not.toHaveProperty('filter');
  });
});

describe('sourceKey', () => {
  it('is the same for equivalent URLs and filters, and differs when either differs', () => {
    expect(sourceKey({ url: `${AWS}#top`, filter: { regions: ['UAE', 'me-central-1'] } })).toBe(sourceKey({ url: AWS, filter: UAE }));
    expect(sourceKey({ url: AWS, filter: UAE })).not.toBe(sourceKey({ url: AWS }));
    expect(sourceKey({ url: AWS, filter: { components: ['UAE'] } })).not.toBe(sourceKey({ url: AWS, filter: { regions: ['UAE'] } }));
    expect(filterKey({ components: [], regions: [] })).toBe('');
    expect(filterKey({ components: ['Zürich'] })).toBe(filterKey({ components: ['zurich'] }));
  });
});
