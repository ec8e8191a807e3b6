import { useId, type KeyboardEvent, type RefObject } from 'react';
import type { SourceSettings, SourceSnapshot } from '../../../shared/ipc/contract';
import { incidentHeadline, maintenanceTiming, ongoingText } from '../../../shared/presentation/incident-text';
import { activeMaintenances, displayHealth, openIncidents, rowStatus } from '../../../shared/presentation/status-rows';
import { ExternalLink } from '../common/ExternalLink';
import { HealthBadge } from '../common/HealthBadge';
import { endLabel, SnoozeControl } from '../common/SnoozeControl';
import { describeSnooze } from '../../../shared/noise/snooze';
import { ComponentList } from './ComponentList';
import { IncidentItem } from './IncidentItem';
import { ProviderMeta } from './ProviderMeta';
import { SourceErrorNotice } from './SourceErrorNotice';

interface Props {
  source: SourceSnapshot;
  config?: SourceSettings;
  now: number;
  /** What tells this provider apart from another of the same name (host or filter), if any. */
  tag?: string;
  expanded: boolean;
  onToggle: () => void;
  /** Roving tabindex: 0 for the one row reached by Tab, -1 for the rest (arrow keys move between rows). */
  tabIndex: 0 | -1;
  toggleRef: RefObject<HTMLButtonElement | null>;
  onFocusRow: () => void;
  onRowKey: (e: KeyboardEvent<HTMLButtonElement>) => void;
}

/**
 * One provider as a dense row: a toggle button (glyph, name, short status; Enter/Space expand) and, while
 * collapsed and in trouble, the newest open incident's title and its latest update's first line with how
 * long it has been going. Expanded: the last check, a failed check's notice with Retry, every open incident
 * (three newest updates each), maintenance, the components that are not operational, snooze and the page
 * link. All wording comes from shared/presentation (docs/popover.md).
 */
export function ProviderRow({ source, config, now, tag, expanded, onToggle, tabIndex, toggleRef, onFocusRow, onRowKey }: Props) {
  const detailsId = useId();
  const summaryId = useId();
  const status = source.status;
  const health = displayHealth(source);
  const row = rowStatus(source, now);
  const incidents = openIncidents(source);
  const maintenances = activeMaintenances(source);
  const lead = incidents[0] ?? maintenances[0];
  const name = tag ? `${source.name} (${tag})` : source.name;
  // A snoozed provider says so on its collapsed row; the control itself is in the expanded row.
  const snoozed = config && !expanded ? describeSnooze(config.snooze, now, incidents.map((i) => i.id), (at) => endLabel(at, now)) : undefined;
  return (
    <li
      className={`provider${source.enabled ? '' : ' provider-disabled'}${row.stale ? ' provider-stale' : ''}${expanded ? ' provider-expanded' : ''}`}
      data-source-id={source.id}
      data-health={health}
      {...(row.stale ? { 'data-stale': 'true' } : {})}
    >
      <h2 className="provider-heading">
        <button
          ref={toggleRef}
          type="button"
          className="row-toggle provider-toggle"
          aria-expanded={expanded}
          aria-controls={detailsId}
          {...(!expanded && (row.detail || lead || snoozed) ? { 'aria-describedby': summaryId } : {})}
          tabIndex={tabIndex}
          data-row-key={source.id}
          onClick={onToggle}
          onFocus={onFocusRow}
          onKeyDown={onRowKey}
        >
          <span className="chevron" aria-hidden="true">{expanded ? '▾' : '▸'}</span>
          <span className="provider-name">{source.name}</span>
          {tag && <span className="provider-tag">{tag}</span>}
          <HealthBadge health={health} label={row.label} stale={row.stale} />
        </button>
      </h2>
      {!expanded && (row.detail || lead || snoozed) && (
        <div className="row-summary" id={summaryId}>
          {row.detail && <p className="row-detail">{row.detail}</p>}
          {snoozed && <p className="row-snoozed">{snoozed}</p>}
          {lead && (
            <>
              <p className="row-title incident-title" title={lead.title}>{lead.title}</p>
              <p className="row-line">
                {lead.kind === 'maintenance' ? maintenanceTiming(lead, now).text : [incidentHeadline(lead), ongoingText(lead, now)].filter(Boolean).join(' · ')}
              </p>
            </>
          )}
        </div>
      )}
      <div id={detailsId} className="provider-details" hidden={!expanded}>
        {expanded && (
          <>
            <ProviderMeta source={source} now={now} />
            {source.lastError && (
              <SourceErrorNotice
                sourceId={source.id}
                name={name}
                error={source.lastError}
                hasLastStatus={Boolean(status)}
                nextPollAt={source.nextPollAt}
                now={now}
                returnFocus={toggleRef}
              />
            )}
            {status && [...incidents, ...maintenances].length > 0 && (
              <ul className="incident-list" aria-label={`Open at ${name}`}>
                {[...incidents, ...maintenances].map((incident) => (
                  <IncidentItem
                    key={incident.id}
                    incident={incident}
                    sourceId={source.id}
                    now={now}
                    format={status.format}
                    {...(config ? { watch: { watched: config.fixWatches?.includes(incident.id) ?? false } } : {})}
                  />
                ))}
              </ul>
            )}
            {status && <ComponentList components={status.components} format={status.format} />}
            {status && status.scheduledMaintenances.length > 0 && (
              <section className="scheduled">
                <h3>Planned maintenance</h3>
                <ul className="incident-list">
                  {status.scheduledMaintenances.map((m) => (
                    <IncidentItem key={m.id} incident={m} sourceId={source.id} now={now} format={status.format} />
                  ))}
                </ul>
              </section>
            )}
            {!status && <p className="muted">Nothing read from this status page yet.</p>}
            {config && source.enabled && (
              <SnoozeControl sourceId={source.id} name={name} snooze={config.snooze} openIncidentIds={incidents.map((i) => i.id)} now={now} />
            )}
            {status?.pageUrl && (
              <ExternalLink url={status.pageUrl}>
                Open {status.provider}’s status page{tag && <span className="sr-only"> ({tag})</span>}
              </ExternalLink>
            )}
          </>
        )}
      </div>
    </li>
  );
}
