/**
 * A deliberately small stand-in for shared/formats/registry.ts `parseDocument`, used by the discovery flow
 * tests so they exercise discovery (not the adapters). It reads just enough: Statuspage summary.json
 * (`page.name`, `status.indicator`, unresolved `incidents`), RSS/Atom titles, and rejects everything else
 * with `FormatError`, as the real registry does.
 */
import { healthOfIndicator } from '../../../shared/domain/health';
import type { FormatId, Indicator, ProviderStatus } from '../../../shared/domain/types';
import { FormatError } from '../../../shared/formats/types';

function status(provider: string, format: FormatId, extra: Partial<ProviderStatus> = {}): ProviderStatus {
  return {
    provider,
    format,
    health: 'operational',
    components: [],
    activeIncidents: [],
    recentIncidents: [],
    scheduledMaintenances: [],
    coverage: 'history',
    ...extra,
  };
}

/** Same signature as the registry's `parseDocument`. */
export async function standInParseDocument(body: string, ctx: { url: string; contentType?: string; now: number }): Promise<ProviderStatus> {
  const text = body.replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('{')) {
    let doc: { page?: { name?: string }; status?: { indicator?: Indicator }; incidents?: Array<{ id: string; name: string; status: string; impact: string }> };
    try {
      doc = JSON.parse(text) as typeof doc;
    } catch {
      throw new FormatError('parse', `${ctx.url}: broken JSON`);
    }
    if (!doc.page?.name || !doc.status?.indicator) throw new FormatError('not-a-feed', `${ctx.url}: not a Statuspage document`);
    const open = (doc.incidents ?? []).filter((i) => i.status !== 'resolved' && i.status !== 'postmortem');
    return status(doc.page.name, 'statuspage-json', {
      health: healthOfIndicator(doc.status.indicator),
      coverage: 'active-only',
      activeIncidents: open.map((i) => ({
        id: i.id, kind: 'incident', title: i.name, status: 'investigating', impact: 'minor',
        createdAt: '', updatedAt: '', updates: [], components: [],
      })),
    });
  }
  const title = /<title[^>]*>\s*(?:<!\[CDATA\[)?([^<\]]*)/i.exec(text)?.[1]?.trim() ?? '';
  if (/<rss[\s>]/i.test(text.slice(0, 2000))) return status(title, /<generator>incident\.io</i.test(text) ? 'incidentio-feed' : 'rss');
  if (/<feed[\s>]/i.test(text.slice(0, 2000))) return status(title, 'atom');
  throw new FormatError('not-a-feed', `${ctx.url}: not a status document`);
}
