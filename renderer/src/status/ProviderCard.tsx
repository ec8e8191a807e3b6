import { useId, useState } from 'react';
import type { SourceSettings, SourceSnapshot } from '../../../shared/ipc/contract';
import { SnoozeControl } from '../common/SnoozeControl';
import { ExternalLink } from '../common/ExternalLink';
import { HealthBadge } from '../common/HealthBadge';
import { ComponentList } from './ComponentList';
import { IncidentItem } from './IncidentItem';
import { ProviderMeta } from './ProviderMeta';
import { SourceErrorNotice } from './SourceErrorNotice';

/**
 * One provider: a heading button (Enter/Space toggle, `aria-expanded`) with its name and health, its last
 * check, any fetch error with Retry, and its active incidents. Expanded, it adds each incident's update
 * timeline, the components that are not operational and upcoming maintenance. With its settings (`config`),
 * the row can snooze the provider and says until when; open incidents offer "Tell me when it's fixed".
 */
export function ProviderCard({ source, config, now }: { source: SourceSnapshot; config?: SourceSettings; now: number }) {
  const [expanded, setExpanded] = useState(false);
  const detailsId = useId();
  const status = source.status;
  const incidents = status?.activeIncidents ?? [];
  const stale = Boolean(source.lastError && status);
  return (
    <li
      className={`provider${source.enabled ? '' : ' provider-disabled'}${stale ? ' provider-stale' : ''}`}
      data-source-id={source.id}
      data-health={source.health}
    >
      <h2 className="provider-heading">
        <button
          type="button"
          className="provider-toggle"
          aria-expanded={expanded}
          aria-controls={detailsId}
          onClick={() => setExpanded((v) => !v)}
        >
          <span className="chevron" aria-hidden="true">{expanded ? '▾' : '▸'}</span>
          <span className="provider-name">{source.name}</span>
          <HealthBadge health={source.health} />
          <span className="provider-summary">{summaryOf(source)}</span>
        </button>
      </h2>
      <ProviderMeta source={source} now={now} />
      {config && source.enabled && (
        <SnoozeControl sourceId={source.id} name={source.name} snooze={config.snooze} openIncidentIds={incidents.map((i) => i.id)} now={now} />
      )}
      {source.lastError && <SourceErrorNotice sourceId={source.id} error={source.lastError} hasLastStatus={Boolean(status)} />}
      {incidents.length > 0 && (
        <ul className="incident-list" aria-label={`Active incidents at ${source.name}`}>
          {incidents.map((incident) => (
            <IncidentItem
              key={incident.id}
              incident={incident}
              expanded={expanded}
              now={now}
              {...(config ? { watch: { sourceId: source.id, watched: config.fixWatches?.includes(incident.id) ?? false } } : {})}
            />
          ))}
        </ul>
      )}
      <div id={detailsId} className="provider-details" hidden={!expanded}>
        {expanded && status && (
          <>
            <ComponentList components={status.components} />
            {status.scheduledMaintenances.length > 0 && (
              <section className="scheduled">
                <h3>Scheduled maintenance</h3>
                <ul className="incident-list">
                  {status.scheduledMaintenances.map((m) => (
                    <IncidentItem key={m.id} incident={m} expanded now={now} />
                  ))}
                </ul>
              </section>
            )}
            {status.pageUrl && <ExternalLink url={status.pageUrl}>Open {status.provider}’s status page</ExternalLink>}
          </>
        )}
        {expanded && !status && <p className="muted">Nothing read from this status page yet.</p>}
      </div>
    </li>
  );
}

/** One line under the name: how many incidents are open, else the page's own description. */
function summaryOf(source: SourceSnapshot): string {
  if (!source.enabled) return 'Disabled';
  const status = source.status;
  if (!status) return source.lastError ? 'Not read yet' : 'Checking…';
  const open = status.activeIncidents.length;
  if (open > 0) return open === 1 ? '1 active incident' : `${open} active incidents`;
  return status.description ?? 'No active incidents';
}
