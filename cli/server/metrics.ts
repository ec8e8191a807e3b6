/**
 * Prometheus metrics of the headless server (text exposition format 0.0.4, via prom-client on a registry of
 * its own). Gauges are read from the engine's snapshot at scrape time; poll counts, errors and durations are
 * counted from the snapshots the engine publishes (a source's `lastCheckedAt` moving on), each poll's duration
 * as the engine timed it (`lastPollMs`, on its clock).
 *
 * - `status_tray_source_health{source,provider,health}`: 1 for the source's current health (one series per value)
 * - `status_tray_source_health_rank{source,provider}`: 0 operational, 1 unknown, 2 maintenance, 3 degraded,
 *   4 partial outage, 5 major outage (domain/health HEALTH_RANK)
 * - `status_tray_overall_health_rank`: the worst enabled source, same scale
 * - `status_tray_source_last_poll_timestamp_seconds{source}`, `status_tray_source_last_success_timestamp_seconds{source}`
 * - `status_tray_source_polls_total{source}`, `status_tray_source_poll_errors_total{source,code}`
 * - `status_tray_source_poll_duration_seconds{source}` (histogram)
 * - `status_tray_check_response_time_seconds{source}`: endpoint checks' last response time
 */
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { HEALTH_ORDER, HEALTH_RANK } from '../../shared/domain/health';
import type { Engine, EngineSnapshot } from '../../shared/engine/api';

/** The server's metrics. */
export interface ServerMetrics {
  registry: Registry;
  /** Feed every snapshot (an `EngineListener.onSnapshot`). */
  observe(snapshot: EngineSnapshot): void;
}

/** Create the metrics for `engine`. */
export function createServerMetrics(engine: Engine): ServerMetrics {
  const registry = new Registry();
  const health = new Gauge({
    name: 'status_tray_source_health',
    help: 'Current health of each source: 1 for the value in force, 0 for the others.',
    labelNames: ['source', 'provider', 'health'],
    registers: [registry],
    collect() {
      this.reset();
      for (const s of engine.snapshot().sources) for (const h of HEALTH_ORDER) this.set({ source: s.id, provider: s.name, health: h }, s.health === h ? 1 : 0);
    },
  });
  new Gauge({
    name: 'status_tray_source_health_rank',
    help: 'Health of each source as a number: 0 operational, 1 unknown, 2 maintenance, 3 degraded, 4 partial outage, 5 major outage.',
    labelNames: ['source', 'provider'],
    registers: [registry],
    collect() {
      this.reset();
      for (const s of engine.snapshot().sources) this.set({ source: s.id, provider: s.name }, HEALTH_RANK[s.health]);
    },
  });
  new Gauge({
    name: 'status_tray_overall_health_rank',
    help: 'Worst health of the enabled sources, same scale as status_tray_source_health_rank.',
    registers: [registry],
    collect() {
      this.set(HEALTH_RANK[engine.snapshot().overall]);
    },
  });
  new Gauge({
    name: 'status_tray_source_last_poll_timestamp_seconds',
    help: 'When each source was last polled, Unix time in seconds.',
    labelNames: ['source'],
    registers: [registry],
    collect() {
      this.reset();
      for (const s of engine.snapshot().sources) if (s.lastCheckedAt !== undefined) this.set({ source: s.id }, s.lastCheckedAt / 1000);
    },
  });
  new Gauge({
    name: 'status_tray_source_last_success_timestamp_seconds',
    help: 'When each source was last fetched and read successfully, Unix time in seconds.',
    labelNames: ['source'],
    registers: [registry],
    collect() {
      this.reset();
      for (const s of engine.snapshot().sources) if (s.lastSuccessAt !== undefined) this.set({ source: s.id }, s.lastSuccessAt / 1000);
    },
  });
  new Gauge({
    name: 'status_tray_check_response_time_seconds',
    help: 'Response time of the last attempt of each endpoint check, seconds.',
    labelNames: ['source'],
    registers: [registry],
    collect() {
      this.reset();
      for (const s of engine.snapshot().sources) {
        const ms = s.status?.check?.responseTimeMs;
        if (ms !== undefined) this.set({ source: s.id }, ms / 1000);
      }
    },
  });
  const polls = new Counter({ name: 'status_tray_source_polls_total', help: 'Polls finished, per source.', labelNames: ['source'], registers: [registry] });
  const errors = new Counter({ name: 'status_tray_source_poll_errors_total', help: 'Polls that failed, per source and error code.', labelNames: ['source', 'code'], registers: [registry] });
  const duration = new Histogram({
    name: 'status_tray_source_poll_duration_seconds',
    help: 'Time from the start of a poll to its result, seconds.',
    labelNames: ['source'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  void health;

  const lastChecked = new Map<string, number | undefined>();
  return {
    registry,
    observe(snapshot) {
      for (const s of snapshot.sources) {
        const previous = lastChecked.get(s.id);
        if (s.lastCheckedAt !== undefined && s.lastCheckedAt !== previous) {
          lastChecked.set(s.id, s.lastCheckedAt);
          polls.inc({ source: s.id });
          if (s.lastError && s.lastError.at === s.lastCheckedAt) errors.inc({ source: s.id, code: s.lastError.code });
          if (s.lastPollMs !== undefined) duration.observe({ source: s.id }, s.lastPollMs / 1000);
        }
      }
    },
  };
}
