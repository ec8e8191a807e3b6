import { describe, expect, it } from 'vitest';
import { alertsFromEvents, filterAllows, testAlert } from '../../../shared/channels/alerts';
import { discordPayload, emailContent, slackPayload, teamsPayload, webhookBody } from '../../../shared/channels/payloads';
import { healthChanged, opened, resolved, T0 } from './helpers';

describe('alertsFromEvents', () => {
  it('makes one alert per incident event and none for a baseline', () => {
    const alerts = alertsFromEvents([
      opened(),
      { type: 'source.baselined', sourceId: 'x', provider: 'X', health: 'operational', at: T0, openIncidents: [] },
    ]);
    expect(alerts.map((a) => a.type)).toEqual(['incident.opened']);
    expect(alerts[0]).toMatchObject({ sourceId: 'github', provider: 'GitHub', impact: 'major', title: 'GitHub: Database query delays', text: 'We are looking into slow queries.' });
  });

  it('drops a health change that came with an incident event of the same source, keeps one that came alone', () => {
    const withIncident = alertsFromEvents([opened(), healthChanged('operational', 'partial_outage', T0, 'github', 'GitHub')]);
    expect(withIncident.map((a) => a.type)).toEqual(['incident.opened']);
    const alone = alertsFromEvents([healthChanged('operational', 'major_outage')]);
    expect(alone).toHaveLength(1);
    expect(alone[0]).toMatchObject({ type: 'provider.health-changed', impact: 'critical', title: 'api.example.com: Major outage' });
  });

  it('gives a recovery the impact of the outage it ends, so a filtered channel hears both ways', () => {
    const [down] = alertsFromEvents([healthChanged('operational', 'major_outage')]);
    const [up] = alertsFromEvents([healthChanged('major_outage', 'operational', T0 + 1)]);
    expect(up!.impact).toBe('critical');
    const filter = { minImpact: 'critical' as const };
    expect(filterAllows(filter, down!)).toBe(true);
    expect(filterAllows(filter, up!)).toBe(true);
  });

  it('gives the same event the same id and different events different ids', () => {
    const a = alertsFromEvents([opened()])[0]!.id;
    expect(alertsFromEvents([opened()])[0]!.id).toBe(a);
    expect(alertsFromEvents([resolved()])[0]!.id).not.toBe(a);
  });
});

describe('filterAllows', () => {
  const [major] = alertsFromEvents([opened({ impact: 'major' })]);
  const [minor] = alertsFromEvents([opened({ id: 'm', impact: 'minor' })]);
  const [maint] = alertsFromEvents([opened({ id: 'mw', kind: 'maintenance', impact: 'maintenance', status: 'in_progress' })]);

  it('applies the minimum impact', () => {
    expect(filterAllows({ minImpact: 'major' }, major!)).toBe(true);
    expect(filterAllows({ minImpact: 'major' }, minor!)).toBe(false);
    expect(filterAllows(undefined, minor!)).toBe(true);
  });

  it('matches providers by source id or name, case-insensitively', () => {
    expect(filterAllows({ providers: ['GITHUB'] }, major!)).toBe(true);
    expect(filterAllows({ providers: ['github'] }, major!)).toBe(true);
    expect(filterAllows({ providers: ['openai'] }, major!)).toBe(false);
  });

  it('leaves maintenance out only when asked', () => {
    expect(filterAllows({ includeMaintenance: false }, maint!)).toBe(false);
    expect(filterAllows({}, maint!)).toBe(true);
    expect(filterAllows({ minImpact: 'critical' }, maint!)).toBe(true);
  });

  it('lets a test alert through any filter', () => {
    expect(filterAllows({ providers: ['nobody'], minImpact: 'critical', includeMaintenance: false }, testAlert('Ops', T0))).toBe(true);
  });
});

describe('payloads', () => {
  const hostile = alertsFromEvents([opened({ title: '<!channel> @everyone *boom*', updates: [{ status: 'investigating', text: 'see <https://evil.example|here> & @here', at: '2026-11-21T11:59:00.000Z' }] })])[0]!;

  it('Slack: text fallback plus header, section and context blocks, with &, < and > escaped', () => {
    const p = slackPayload(hostile) as { text: string; blocks: Array<{ type: string; text?: { text: string } }> };
    expect(p.blocks.map((b) => b.type)).toEqual(['header', 'section', 'context']);
    expect(p.text).not.toContain('<!channel>');
    expect(p.text).toContain('&lt;!channel&gt;');
    expect(p.blocks[1]!.text!.text).toBe('see &lt;https://evil.example|here&gt; &amp; @here');
  });

  it('Discord: one embed, no mentions parsed, markdown escaped, colour by health', () => {
    const p = discordPayload(hostile) as any;
    expect(p.allowed_mentions).toEqual({ parse: [] });
    expect(p.embeds).toHaveLength(1);
    expect(p.embeds[0].color).toBe(0xf08c00);
    expect(p.embeds[0].url).toBe('https://status.example.com/incidents/inc-1');
    expect(p.embeds[0].timestamp).toBe(new Date(T0).toISOString());
    expect(p.embeds[0].description).toBe('see <https://evil.example\\|here\\> & @here');
    const [masked] = alertsFromEvents([opened({ updates: [{ status: 'investigating', text: '[login](https://evil.example)', at: '2026-11-21T11:59:00.000Z' }] })]);
    expect((discordPayload(masked!) as any).embeds[0].description).toBe('\\[login\\]\\(https://evil.example\\)');
  });

  it('Teams: a message with one Adaptive Card attachment and an open-URL action', () => {
    const p = teamsPayload(hostile) as any;
    expect(p.type).toBe('message');
    expect(p.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(p.attachments[0].content).toMatchObject({ type: 'AdaptiveCard', version: '1.4' });
    expect(p.attachments[0].content.actions[0]).toEqual({ type: 'Action.OpenUrl', title: 'Open status page', url: 'https://status.example.com/incidents/inc-1' });
  });

  it('generic webhook: the documented version-1 body', () => {
    const [a] = alertsFromEvents([resolved()]);
    expect(webhookBody(a!)).toEqual({
      version: 1,
      id: a!.id,
      type: 'incident.resolved',
      at: new Date(T0 + 60_000).toISOString(),
      source: { id: 'github', provider: 'GitHub' },
      health: 'operational',
      previousHealth: null,
      impact: 'major',
      maintenance: false,
      incident: { id: 'inc-1', title: 'Database query delays', status: 'resolved', previousStatus: 'investigating' },
      title: 'GitHub: Database query delays',
      text: 'Fixed.',
      url: 'https://status.example.com/incidents/inc-1',
    });
  });

  it('email: a one-line subject even when the title has line breaks', () => {
    const [a] = alertsFromEvents([opened({ title: 'Line one\r\nBcc: victim@example.com' })]);
    const { subject, text } = emailContent(a!);
    expect(subject).not.toMatch(/[\r\n]/);
    expect(subject).toMatch(/^\[Status Tray\] New incident: GitHub: Line one Bcc/);
    expect(text).toContain('Status page: https://status.example.com/incidents/inc-1');
  });
});
