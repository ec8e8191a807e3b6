import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED_ENUM_VALUES, seenWithSharedEnumStrings, withSharedEnumStrings } from '../../../shared/engine/enum-strings';
import { detectChanges } from '../../../shared/engine/change-detector';
import { keptStatus } from '../../../shared/engine/kept-status';
import { ADAPTERS, parseDocument } from '../../../shared/formats/registry';
import type { ProviderStatus } from '../../../shared/domain/types';
import { FEEDS_DIR, readFeed } from '../../support/feeds';

const T0 = Date.UTC(2026, 10, 1);

/** Every enumerated value a status says (the fields enum-strings.ts shares). */
function enumValues(s: ProviderStatus): string[] {
  const out: string[] = [s.health, s.format, s.coverage, ...(s.indicator ? [s.indicator] : []), ...s.components.map((c) => c.status)];
  for (const i of [...s.activeIncidents, ...s.scheduledMaintenances, ...s.recentIncidents]) out.push(i.kind, i.status, i.impact, ...i.updates.map((u) => u.status));
  return out;
}

describe('shared enum strings in what a source keeps', () => {
  it('know every format an adapter names', () => {
    for (const adapter of ADAPTERS) expect(SHARED_ENUM_VALUES, adapter.id).toContain(adapter.id);
  });

  it('change nothing a kept status or seen map says or serialises to, on every captured Statuspage, incident.io and AWS document', async () => {
    let checked = 0;
    for (const dir of ['statuspage-json', 'statuspage-feeds', 'incidentio', 'aws', 'gcp']) {
      for (const file of readdirSync(join(FEEDS_DIR, dir)).filter((f) => /\.(json|atom|rss|xml)$/.test(f))) {
        const body = readFeed(`${dir}/${file}`);
        const whole = await parseDocument(body, { url: `https://status.example.com/${file}`, now: T0 }).catch(() => undefined);
        if (!whole) continue; // a captured error page or a format this test does not read: not what is tested here
        const text = JSON.stringify(keptStatus(whole, T0));
        const copy = JSON.parse(text) as ProviderStatus;
        expect(withSharedEnumStrings(copy)).toBe(copy);
        expect(JSON.stringify(copy)).toBe(text);
        // Every value it says is one the module shares: nothing a real document says is left as a copy.
        for (const v of enumValues(copy)) expect(SHARED_ENUM_VALUES, `${dir}/${file}`).toContain(v);
        const seen = detectChanges({ sourceId: 's', provider: 'p', baselined: false, seen: {}, previousHealth: undefined, status: whole, now: T0 }).seen;
        const seenText = JSON.stringify(seen);
        const seenCopy = JSON.parse(seenText) as typeof seen;
        expect(JSON.stringify(seenWithSharedEnumStrings(seenCopy))).toBe(seenText);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('leave a value outside the enums as it is', () => {
    const odd = { provider: 'p', format: 'future-json', health: 'operational', components: [{ name: 'a', status: 'sideways' }], activeIncidents: [], recentIncidents: [], scheduledMaintenances: [], coverage: 'history' } as unknown as ProviderStatus;
    expect(withSharedEnumStrings(odd)).toMatchObject({ format: 'future-json', components: [{ status: 'sideways' }] });
  });
});
