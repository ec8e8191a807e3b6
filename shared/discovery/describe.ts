/** Plain-text lines for a discovery result, for the CLI's `--discover` and logs. Pure. */
import type { DiscoveryResult } from './types';

/**
 * Describe `result` in a few lines: what was found (URL, platform, format, provider, health, open incidents,
 * how, requests used) or why nothing was, with every URL tried. No trailing newlines; no colours.
 */
export function describeDiscovery(result: DiscoveryResult): string[] {
  if (result.ok) {
    const lines = [
      `Found: ${result.sourceUrl}`,
      `  provider: ${result.provider}`,
      `  platform: ${result.platform}, format: ${result.format}`,
      `  health: ${result.health}, open incidents: ${result.activeIncidents}`,
      `  how: ${result.foundVia} (${result.requests} request${result.requests === 1 ? '' : 's'})`,
    ];
    const f = result.catalogEntry?.filter;
    if (f) lines.push(`  filter: ${[...(f.components ?? []), ...(f.regions ?? [])].join(', ')}`);
    return lines;
  }
  const lines = [`Not found: ${result.message}`];
  for (const t of result.tried) lines.push(`  tried ${t.url} (${t.via}): ${t.message}`);
  if (result.suggestions?.length) lines.push(`  catalog: ${result.suggestions.map((e) => `${e.id} (${e.name})`).join(', ')}`);
  return lines;
}
