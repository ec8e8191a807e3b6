import { describe, expect, it } from 'vitest';
import { BODY_MAX, incidentToast, planNotifications, type NotificationContext } from '../../../shared/presentation/notifications';
import { createRateLimiter } from '../../../shared/presentation/rate-limiter';
import { isHttpUrl } from '../../../shared/domain/url';
import { plainText } from '../../../shared/presentation/text';
import type { EngineEvent } from '../../../shared/engine/events';
import type { NotifyLevel } from '../../../shared/domain/source';
import { incident, opened } from '../app/helpers';

const NOW = Date.UTC(2026, 6, 9, 12, 0, 0);

function ctx(over: Partial<NotificationContext> = {}): NotificationContext {
  return { notifyLevel: () => 'all', pausedUntil: null, now: NOW, limiter: createRateLimiter(5, 60_000), ...over };
}

describe('incident toasts', () => {
  it('title is "Provider — Health", body is the incident title and latest update, click URL kept', () => {
    const plan = planNotifications([opened('gh', incident('a1', { title: 'Degraded Actions runs', updates: [{ status: 'investigating', text: 'We are  investigating\n delays.', at: '' }] }))], ctx());
    expect(plan.toasts).toEqual([
      expect.objectContaining({
        id: 'gh|a1|investigating',
        title: 'GitHub — Partial outage',
        body: 'Degraded Actions runs — We are investigating delays.',
        url: 'https://status.example.com/incidents/a1',
        sourceId: 'gh',
      }),
    ]);
  });

  it('prefixes updates and resolutions with the new status', () => {
    const resolved: EngineEvent = {
      type: 'incident.resolved',
      sourceId: 'gh',
      provider: 'GitHub',
      health: 'operational',
      at: NOW,
      previousStatus: 'monitoring',
      incident: incident('a1', { status: 'resolved', title: 'Slow pages', updates: [{ status: 'resolved', text: 'Fixed.', at: '' }] }),
    };
    const toast = incidentToast(resolved as Extract<EngineEvent, { incident: unknown }>);
    expect(toast.title).toBe('GitHub — Operational');
    expect(toast.body).toBe('Resolved: Slow pages — Fixed.');
    expect(toast.id).toBe('gh|a1|resolved');
  });

  it('trims a long update to about 200 characters with an ellipsis', () => {
    const long = 'word '.repeat(200);
    const [toast] = planNotifications([opened('gh', incident('a', { updates: [{ status: 'investigating', text: long, at: '' }] }))], ctx()).toasts;
    expect(toast!.body.length).toBeLessThanOrEqual(BODY_MAX);
    expect(toast!.body.endsWith('…')).toBe(true);
  });

  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', '/relative'])('drops a non-http click URL (%s)', (url) => {
    const [toast] = planNotifications([opened('gh', incident('a', { url }))], ctx()).toasts;
    expect(toast).toBeDefined();
    expect(toast!.url).toBeUndefined();
  });

  it('strips control and bidi-override characters from provider and text', () => {
    const [toast] = planNotifications([opened('gh', incident('a', { title: 'evil\u202Etxt.exe\u0007' }), 'Git\u0000Hub')], ctx()).toasts;
    expect(toast!.title).toBe('Git Hub — Partial outage');
    expect(toast!.body).not.toMatch(/[\u0000-\u001f\u202e]/);
  });

  it('never toasts a health change on its own', () => {
    const e: EngineEvent = { type: 'provider.health-changed', sourceId: 'gh', provider: 'GitHub', health: 'major_outage', previousHealth: 'operational', at: NOW };
    expect(planNotifications([e], ctx()).toasts).toEqual([]);
  });
});

describe('notify levels and pause', () => {
  const events = [
    opened('gh', incident('minor', { impact: 'minor' })),
    opened('gh', incident('major', { impact: 'major' })),
    opened('gh', incident('crit', { impact: 'critical' })),
  ];
  it.each<[NotifyLevel, string[]]>([
    ['all', ['gh|minor|investigating', 'gh|major|investigating', 'gh|crit|investigating']],
    ['major', ['gh|major|investigating', 'gh|crit|investigating']],
    ['none', []],
  ])('level %s', (level, ids) => {
    expect(planNotifications(events, ctx({ notifyLevel: () => level })).toasts.map((t) => t.id)).toEqual(ids);
  });

  it('applies levels per source', () => {
    const mixed = [opened('loud', incident('a')), opened('quiet', incident('b'))];
    const plan = planNotifications(mixed, ctx({ notifyLevel: (id) => (id === 'quiet' ? 'none' : 'all') }));
    expect(plan.toasts.map((t) => t.sourceId)).toEqual(['loud']);
  });

  it('shows nothing while paused, and resumes once the pause has ended', () => {
    const e = [opened('gh', incident('a'))];
    expect(planNotifications(e, ctx({ pausedUntil: NOW + 1 })).toasts).toEqual([]);
    expect(planNotifications(e, ctx({ pausedUntil: NOW })).toasts).toHaveLength(1);
  });
});

describe('baseline', () => {
  const baselined = (sourceId: string, provider: string, open: number): EngineEvent => ({
    type: 'source.baselined',
    sourceId,
    provider,
    health: 'degraded',
    at: NOW,
    openIncidents: Array.from({ length: open }, (_, i) => incident(`${sourceId}-${i}`)),
  });

  it('gives one summary "3 open incidents at GitHub" and no per-incident toasts', () => {
    const plan = planNotifications([baselined('gh', 'GitHub', 3)], ctx());
    expect(plan.toasts).toHaveLength(1);
    expect(plan.toasts[0]!.body).toBe('3 open incidents at GitHub');
    expect(plan.toasts[0]!.title).toBe('GitHub — Degraded');
  });

  it('merges the baselines of one cycle into a single summary', () => {
    const plan = planNotifications([baselined('gh', 'GitHub', 2), baselined('oa', 'OpenAI', 1), baselined('sl', 'Slack', 0)], ctx());
    expect(plan.toasts).toHaveLength(1);
    expect(plan.toasts[0]!.body).toBe('3 open incidents at GitHub, OpenAI');
  });

  it('is silent for a baseline with nothing open, for level none, and when baselines are quiet', () => {
    expect(planNotifications([baselined('gh', 'GitHub', 0)], ctx()).toasts).toEqual([]);
    expect(planNotifications([baselined('gh', 'GitHub', 3)], ctx({ notifyLevel: () => 'none' })).toasts).toEqual([]);
    expect(planNotifications([baselined('gh', 'GitHub', 3)], ctx({ quietBaselines: true })).toasts).toEqual([]);
  });
});

describe('coalescing and rate limit', () => {
  const burst = (n: number, sourceId = 'gh', provider = 'GitHub') => Array.from({ length: n }, (_, i) => opened(sourceId, incident(`${sourceId}${i}`), provider));

  it('shows up to 3 events one by one', () => {
    expect(planNotifications(burst(3), ctx()).toasts).toHaveLength(3);
  });

  it('collapses a burst of 10 from one provider into one toast naming it', () => {
    const plan = planNotifications(burst(10), ctx());
    expect(plan.toasts).toHaveLength(1);
    expect(plan.toasts[0]!.title).toBe('GitHub — Partial outage');
    expect(plan.toasts[0]!.body).toMatch(/^10 updates: Incident gh0; Incident gh1/);
  });

  it('summarises a mixed burst by provider, most first', () => {
    const plan = planNotifications([...burst(2, 'oa', 'OpenAI'), ...burst(3, 'gh', 'GitHub')], ctx());
    expect(plan.toasts).toEqual([expect.objectContaining({ title: '5 status updates', body: 'GitHub (3), OpenAI (2)' })]);
  });

  it('allows at most 5 toasts a minute across cycles, coalescing the overflow and counting drops', () => {
    const limiter = createRateLimiter(5, 60_000);
    const shown: number[] = [];
    let dropped = 0;
    for (let cycle = 0; cycle < 4; cycle++) {
      const plan = planNotifications(burst(2, `s${cycle}`), ctx({ limiter, now: NOW + cycle * 1000 }));
      shown.push(plan.toasts.length);
      dropped += plan.dropped;
    }
    // 2 + 2 + (1 allowed: a summary of both) + 0 (limit used up; both dropped and counted).
    expect(shown).toEqual([2, 2, 1, 0]);
    expect(dropped).toBe(2);
    // A minute after the first toasts, there is room again.
    expect(planNotifications(burst(1, 'later'), ctx({ limiter, now: NOW + 60_000 })).toasts).toHaveLength(1);
  });
});

describe('rate limiter', () => {
  it('slides: each take frees up one window after it was made', () => {
    const l = createRateLimiter(2, 1000);
    expect([l.take(0), l.take(500), l.take(600)]).toEqual([true, true, false]);
    expect(l.remaining(999)).toBe(0);
    expect(l.remaining(1000)).toBe(1);
    expect(l.remaining(1500)).toBe(2);
  });
});

describe('text helpers', () => {
  it('plainText collapses whitespace and cuts at a word near the limit', () => {
    expect(plainText('  a\n\tb  ', 10)).toBe('a b');
    expect(plainText('alpha beta gamma delta', 19)).toBe('alpha beta gamma…');
    expect(plainText('abcdefghijklmnopqrstuvwxyz', 10)).toBe('abcdefghi…');
  });
  it('isHttpUrl accepts only absolute http(s)', () => {
    expect([isHttpUrl('https://x.io/a'), isHttpUrl('http://x'), isHttpUrl('javascript:alert(1)'), isHttpUrl('file:///x'), isHttpUrl('x')]).toEqual([true, true, false, false, false]);
  });
});
