/** Statuspage history.atom / history.rss captures: what each file really says (values read from the files). */
import { describe, expect, it } from 'vitest';
import { allIncidents, byId, byTitle, parseFeed } from './parse-feed';

const GH = 'https://www.githubstatus.com/history.atom';
const DO = 'https://status.digitalocean.com/history.atom';
const SYM = 'https://wss.status.symantec.com/history.atom';

describe('statuspage-feed: GitHub', () => {
  it('2026-07-09: one active incident, "Delays starting Actions runs", whose latest "Update" keeps it investigating', async () => {
    const s = await parseFeed('statuspage-feeds/githubstatus-history-2026-07-09-active.atom', GH);
    expect(s.format).toBe('statuspage-feed');
    expect(s.provider).toBe('GitHub');
    expect(s.coverage).toBe('history');
    expect(s.pageUrl).toBe('https://www.githubstatus.com/');
    expect(s.documentUpdatedAt).toBe('2026-07-09T07:04:08.000Z');
    expect(s.activeIncidents.map((i) => i.id)).toEqual(['tag:www.githubstatus.com,2005:Incident/30837849']);
    const active = s.activeIncidents[0]!;
    expect(active.title).toBe('Delays starting Actions runs');
    expect(active.status).toBe('investigating');
    expect(active.url).toBe('https://www.githubstatus.com/incidents/cstx3v63mklm');
    expect(active.updates.map((u) => [u.label, u.at])).toEqual([
      ['Update', '2026-07-09T06:01:00.000Z'],
      ['Update', '2026-07-09T04:51:00.000Z'],
      ['Investigating', '2026-07-09T04:34:00.000Z'],
    ]);
    expect(active.updates.every((u) => u.status === 'investigating')).toBe(true);
    expect(active.updates[2]!.text).toBe('We are investigating reports of degraded performance for Actions');
    expect(active.stale).toBe(true); // NOW is months later
    expect(s.health).toBe('degraded');
    expect(s.recentIncidents).toHaveLength(24);
  });

  it('2024-06-26: misordered updates still resolve every incident', async () => {
    const s = await parseFeed('statuspage-feeds/githubstatus-history-2024-06-26-misordered-updates.atom', GH);
    expect(s.activeIncidents).toEqual([]);
    expect(s.health).toBe('operational');
    const all = allIncidents(s);
    expect(all).toHaveLength(25);
    expect(all.every((i) => i.status === 'resolved')).toBe(true);
    // Listed first: "Investigating" at 21:24, same minute as "Resolved".
    const codespaces = all.find((i) => i.id === 'tag:www.githubstatus.com,2005:Incident/20872567' || (i.title === 'Incident with Codespaces' && i.updatedAt === '2024-05-28T21:24:00.000Z'))!;
    expect(codespaces.status).toBe('resolved');
    expect(codespaces.updates[0]!.label).toBe('Resolved');
    // 2024-04-10: four updates at 19:03, an "Update" listed first.
    const multi = all.find((i) => i.title.startsWith('Incident with Git Operations, API Requests, Action'))!;
    expect(multi.status).toBe('resolved');
    expect(multi.updatedAt).toBe('2024-04-10T19:03:00.000Z');
  });

  it('2025-05-26: the upcoming Codespaces maintenance is scheduled with its window', async () => {
    const s = await parseFeed('statuspage-feeds/githubstatus-history-2025-05-26-scheduled.atom', GH);
    expect(s.scheduledMaintenances.map((i) => [i.title, i.status, i.kind, i.scheduledFor, i.scheduledUntil])).toEqual([
      ['Codespaces Scheduled Maintenance', 'scheduled', 'maintenance', '2025-05-28T16:30:00.000Z', '2025-05-29T16:30:00.000Z'],
    ]);
    expect(s.activeIncidents).toEqual([]);
    expect(s.health).toBe('operational');
  });

  it('2026-08-22 and 2019-11-22: all resolved', async () => {
    for (const f of ['githubstatus-history-2026-08-22.atom', 'githubstatus-history-2019-11-22.atom']) {
      const s = await parseFeed(`statuspage-feeds/${f}`, GH);
      expect(s.activeIncidents).toEqual([]);
      expect(s.recentIncidents).toHaveLength(25);
      expect(s.recentIncidents.every((i) => i.status === 'resolved' && i.updates[0]!.label === 'Resolved')).toBe(true);
    }
  });

  it('2026-08-22: long RCA text is kept as plain text within the cap', async () => {
    const s = await parseFeed('statuspage-feeds/githubstatus-history-2026-08-22.atom', GH);
    const texts = s.recentIncidents.flatMap((i) => i.updates.map((u) => u.text));
    expect(texts.some((t) => t.length > 1000)).toBe(true);
    expect(texts.every((t) => t.length <= 4000 && !t.includes('<'))).toBe(true);
  });
});

describe('statuspage-feed: DigitalOcean', () => {
  it('2019-10-31: exactly one active incident, "Issues affecting custom Droplet images", identified', async () => {
    const s = await parseFeed('statuspage-feeds/digitalocean-history-2019-10-31-active.atom', DO);
    expect(s.provider).toBe('DigitalOcean');
    expect(s.activeIncidents.map((i) => [i.id, i.title, i.status, i.updates[0]!.label])).toEqual([
      ['tag:status.digitalocean.com,2005:Incident/3165620', 'Issues affecting custom Droplet images', 'identified', 'Identified'],
    ]);
    expect(s.health).toBe('degraded');
  });

  it('2019-10-30 (the day before): nothing active; "&amp;" decoded in titles', async () => {
    const s = await parseFeed('statuspage-feeds/digitalocean-history-2019-10-30.atom', DO);
    expect(s.activeIncidents).toEqual([]);
    expect(allIncidents(s).filter((i) => i.kind === 'maintenance').map((i) => i.status)).toEqual(['completed']);
    const events = byId(s, 'tag:status.digitalocean.com,2005:Incident/3156689');
    expect([events.title, events.status]).toEqual(['Event Processing Delays & Droplet Creates Issue', 'resolved']);
  });

  it('2020-01-13 atom and 2020-01-11 rss: "Block Storage Maintenance" is in progress (its newest update), others closed', async () => {
    for (const [f, url] of [
      ['digitalocean-history-2020-01-13.atom', DO],
      ['digitalocean-history-2020-01-11.rss', 'https://status.digitalocean.com/history.rss'],
    ] as const) {
      const s = await parseFeed(`statuspage-feeds/${f}`, url);
      expect(s.format).toBe('statuspage-feed');
      expect(s.activeIncidents.map((i) => [i.title, i.kind, i.status, i.updates[0]!.label])).toEqual([
        ['Block Storage Maintenance', 'maintenance', 'in_progress', 'In progress'],
      ]);
      expect(s.health).toBe('maintenance');
      const email = byTitle(s, 'Disruption of DigitalOcean Email Notifications');
      expect(email.status).toBe('completed');
      expect(email.updates.map((u) => u.status)).toEqual(['completed', 'verifying', 'in_progress', 'scheduled']);
    }
  });
});

describe('statuspage-feed: Symantec WSS', () => {
  it('2020-01-02: the three maintenances whose newest update is "Update" stay scheduled; 4 upcoming in all', async () => {
    const s = await parseFeed('statuspage-feeds/symantec-wss-history-2020-01-02.atom', SYM);
    expect(s.activeIncidents).toEqual([]);
    expect(s.scheduledMaintenances.map((i) => [i.status, i.updates[0]!.label, i.scheduledFor])).toEqual([
      ['scheduled', 'Scheduled', '2020-01-07T15:30:00.000Z'],
      ['scheduled', 'Update', '2020-01-08T21:00:00.000Z'],
      ['scheduled', 'Update', '2020-01-09T14:00:00.000Z'],
      ['scheduled', 'Update', '2020-01-09T14:00:00.000Z'],
    ]);
    // The "Update" does not reset the lifecycle: each update carries "scheduled".
    expect(s.scheduledMaintenances[1]!.updates.map((u) => u.status)).toEqual(['scheduled', 'scheduled']);
    // "Impact" and "Required Action" are bold words inside the body, not labels.
    const sin = byTitle(s, 'Network Maintenance in Singapore (SIN3) Data Center January 9, 2020');
    expect(sin.updates.map((u) => u.label)).toEqual(['Update', 'Scheduled']);
    expect(sin.updates[1]!.text).toContain('Required Action');
    expect(sin.scheduledUntil).toBe('2020-01-09T18:00:00.000Z');
    expect(s.recentIncidents.filter((i) => i.status === 'resolved')).toHaveLength(13);
    expect(s.recentIncidents.filter((i) => i.status === 'completed')).toHaveLength(8);
  });

  it('2019-12-10: one upcoming maintenance (Tel Aviv), 9 completed, 15 resolved', async () => {
    const s = await parseFeed('statuspage-feeds/symantec-wss-history-2019-12-10.atom', SYM);
    expect(s.provider).toBe('Symantec Web Security Service');
    expect(s.scheduledMaintenances.map((i) => [i.title, i.scheduledFor, i.scheduledUntil])).toEqual([
      ['Network Maintenance in Tel Aviv (TLV1) Data Center December 18, 2019', '2019-12-18T16:00:00.000Z', '2019-12-18T17:00:00.000Z'],
    ]);
    expect(s.recentIncidents.filter((i) => i.status === 'completed')).toHaveLength(9);
    expect(s.recentIncidents.filter((i) => i.status === 'resolved')).toHaveLength(15);
  });
});

describe('statuspage-feed: others', () => {
  it('Atlassian metastatuspage 2019-11-23: 21 resolved, 4 completed maintenances; -08:00 offsets read', async () => {
    const s = await parseFeed('statuspage-feeds/atlassian-metastatuspage-history-2019-11-23.atom', 'https://metastatuspage.com/history.atom');
    expect(s.provider).toBe('Atlassian Statuspage');
    expect(s.documentUpdatedAt).toBe('2019-11-23T08:00:02.000Z');
    expect(s.activeIncidents).toEqual([]);
    expect(s.recentIncidents.filter((i) => i.kind === 'maintenance' && i.status === 'completed')).toHaveLength(4);
    expect(s.recentIncidents.filter((i) => i.status === 'resolved')).toHaveLength(21);
    expect(byTitle(s, 'Access to private pages').updates.map((u) => u.label)).toEqual(['Resolved', 'Monitoring', 'Identified', 'Investigating']);
  });

  it('Parse 2014 RSS: PST stamps read as Pacific time (DST-aware), bare CRs harmless, one postmortem', async () => {
    const s = await parseFeed('statuspage-feeds/parse-history-2014-01.rss', 'http://status.parse.com/history.rss');
    expect(s.provider).toBe('Parse');
    expect(s.activeIncidents).toEqual([]);
    expect(s.recentIncidents).toHaveLength(17);
    const first = byId(s, 'http://status.parse.com/incidents/lzf7mjchpy20');
    expect(first.title).toBe('Elevated error rates');
    expect(first.updates.map((u) => [u.label, u.at])).toEqual([
      ['Resolved', '2014-01-01T17:09:00.000Z'],
      ['Identified', '2014-01-01T17:00:00.000Z'],
      ['Investigating', '2014-01-01T16:17:00.000Z'],
    ]);
    // "Oct 21, 16:27 PST" in October is PDT: matches the item's pubDate 16:27:30 -0700.
    expect(byTitle(s, 'JavaScript CORS issue').updatedAt).toBe('2013-10-21T23:27:00.000Z');
    const pm = byTitle(s, 'Elevated error rates and latency');
    expect(pm.status).toBe('postmortem');
    expect(pm.updates.map((u) => u.text).join('\n')).not.toMatch(/\r/);
  });

  it('StreamYard atom and rss twins describe the same 17 resolved incidents', async () => {
    const atom = await parseFeed('statuspage-feeds/streamyard-history-2024-06.atom', 'https://status.streamyard.com/history.atom');
    const rss = await parseFeed('statuspage-feeds/streamyard-history-2024-06.rss', 'https://status.streamyard.com/history.rss');
    expect(atom.provider).toBe('StreamYard');
    expect(rss.provider).toBe('StreamYard');
    expect(atom.recentIncidents).toHaveLength(17);
    const strip = (s: typeof atom) => s.recentIncidents.map((i) => [i.title, i.status, i.url, i.updatedAt, i.updates.map((u) => u.text)]);
    expect(strip(rss)).toEqual(strip(atom));
    expect(atom.recentIncidents.every((i) => i.status === 'resolved')).toBe(true);
  });

  it('ruzismart demo RSS: both incidents are resolved, whatever order their updates are listed or stamped in', async () => {
    const s = await parseFeed('other/ruzismart-demo-statuspage-history-2020-01.rss', 'https://ruzismartenterprise.statuspage.io/history.rss');
    expect(s.format).toBe('statuspage-feed');
    expect(s.provider).toBe('ruzismart enterprise');
    expect(s.activeIncidents).toEqual([]);
    expect(byTitle(s, 'Description').status).toBe('resolved');
    const example = byTitle(s, 'This is an example incident');
    // Listed (newest first): Resolved 03:42, Monitoring 03:32, Identified 03:38, Investigating 04:08 — in an item
    // published at 03:42:34, so the 04:08 stamp cannot be the latest post: it is held to 03:42, where the
    // lifecycle and then the listing put it before Resolved.
    expect(example.status).toBe('resolved');
    expect(example.updates[0]).toMatchObject({ label: 'Resolved', status: 'resolved', at: '2019-08-14T03:42:00.000Z' });
    expect(example.updatedAt).toBe('2019-08-14T03:42:00.000Z');
    expect(example.updates.map((u) => u.label).sort()).toEqual(['Identified', 'Investigating', 'Monitoring', 'Resolved']);
    expect(example.stale).toBeUndefined();
  });
});
