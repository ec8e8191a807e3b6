/**
 * Apple System Status (`apple-json`): the data documents behind https://www.apple.com/support/systemstatus/ and
 * https://developer.apple.com/system-status/, served as
 *   https://www.apple.com/support/systemstatus/data/system_status_en_US.js            (Apple)
 *   https://www.apple.com/support/systemstatus/data/developer/system_status_en_US.js  (Apple Developer)
 * The body is JSON, usually wrapped as JSONP: `jsonCallback({...});`.
 *
 * Established from public code, not guessed:
 * - inket/stts `stts/Services/Apple.swift`, `AppleDeveloper.swift` (the two URLs), `AppleStore.swift`
 *   (`services[].serviceName`, `events[].statusType` ∈ Available|Outage|Issue|Performance|Maintenance,
 *   `eventStatus` ∈ ongoing|resolved|upcoming|completed; only `ongoing` events count now) and
 *   `Scripts/generate_apple_services.swift` (strips a `jsonCallback(` … `);` wrapper, after trimming).
 * - insidegui/StatusBuddy `StatusCore/Source/Core/AppleStatusChecker.swift` (JSONP wrapper on the developer
 *   document; `epochStartDate`/`epochEndDate` decoded as ms since 1970), `StatusCore/Source/Models/Service.swift`
 *   (resolved/completed are the closed statuses), and its captures `StatusCoreTests/Data/customer-one-ongoing-issue.json`,
 *   `developer-one-ongoing-issue.json`, `developer-one-scheduled-issue.json`, which show the whole shape:
 *   `{drpost, drMessage, services: [{serviceName, redirectUrl, events: [{usersAffected, epochStartDate,
 *   epochEndDate, messageId, statusType, datePosted, startDate, endDate, affectedServices, eventStatus, message}]}]}`
 *   with `startDate` like `04/26/2021 04:13 PDT`, `endDate: null` while ongoing, entity-encoded names
 *   (`iCloud Account &amp; Sign In`), trailing spaces in names, and one `messageId` repeated under every service
 *   it touches — sometimes `completed` under some services and `ongoing` under another.
 *
 * Mapping:
 * - Each service → a component, status from its `ongoing` events (worst wins): Outage → major_outage when
 *   `usersAffected` says "All users", else partial_outage; Issue/Performance → degraded_performance;
 *   Maintenance → under_maintenance. Upcoming and closed events leave it operational.
 * - Events → incidents, one per `messageId` (else a hash of service name + start). Copies of one message are
 *   merged; while any copy is ongoing the incident is open and names only the services where it is ongoing.
 * - Open or closed comes from `eventStatus` alone, as both clients do; `endDate` is a planned end for upcoming
 *   and in-progress maintenance, so it decides only when `eventStatus` is missing or unknown. No clock is read.
 * - Coverage `history`: the document keeps resolved events for some days after they end, so an event that
 *   disappears has aged out, not ended. `datePosted`, `redirectUrl`, `affectedServices` and `drpost`/`drMessage`
 *   (false/null in every capture, meaning not established) are not used.
 */
import { z } from 'zod';
import type { FormatAdapter } from '../types';
import type { ComponentStatus, Component, Incident, IncidentStatus } from '../../domain/types';
import { assembleStatus } from '../read/assemble';
import { toIso, wallTimeToUtcMs } from '../read/dates';
import { impactOfComponentStatus } from '../read/impact';
import { entryId } from '../read/ids';
import { parseJson, text, validItems, validate } from '../read/json';
import { LIMITS } from '../read/limits';
import { hostOf, isJsonHead } from '../sniff';
import { htmlToText, toPlainTitle } from '../read/text';
import { FormatError } from '../types';

/** Human pages for the two documents. */
const APPLE_PAGE = 'https://www.apple.com/support/systemstatus/';
const DEVELOPER_PAGE = 'https://developer.apple.com/system-status/';

/** A JSONP call opening: a JavaScript identifier (dotted names allowed) then `(`. */
const JSONP_OPEN = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*\s*\(\s*/;
/** A JSONP call closing: `)`, an optional `;`, trailing whitespace. */
const JSONP_CLOSE = /\)\s*;?\s*$/;

/** True when a (lead-stripped) head starts a JSONP call whose argument is a JSON object or array. */
export function isJsonpHead(head: string): boolean {
  const m = JSONP_OPEN.exec(head.slice(0, 256));
  if (!m) return false;
  const next = head[m[0].length];
  return next === '{' || next === '[';
}

/**
 * The JSON text inside a JSONP body (`jsonCallback({...});` → `{...}`), or the body itself when it is bare
 * JSON. Pure string slicing — nothing is evaluated; whatever is left must then pass JSON.parse.
 * Throws `FormatError('parse')` when a wrapper is opened but not closed, or the body is neither.
 */
export function unwrapJsonp(body: string): string {
  const s = body.trim();
  if (isJsonHead(s)) return s;
  const open = JSONP_OPEN.exec(s.slice(0, 256));
  if (!open) throw new FormatError('parse', 'Not an Apple system status document (neither JSON nor a JSONP call)');
  const close = JSONP_CLOSE.exec(s.slice(-64));
  if (!close) throw new FormatError('parse', 'The Apple system status JSONP wrapper is not closed');
  return s.slice(open[0].length, s.length - close[0].length);
}

const eventSchema = z.object({
  messageId: text,
  statusType: text,
  eventStatus: text,
  usersAffected: text,
  message: text,
  epochStartDate: z.unknown().optional(),
  epochEndDate: z.unknown().optional(),
  startDate: text,
  endDate: text,
});
const serviceSchema = z.object({ serviceName: text, events: z.array(z.unknown()).nullish() });
const documentSchema = z.object({ services: z.array(z.unknown()) });

type Phase = 'open' | 'upcoming' | 'closed';

/** One event as listed under one service. */
interface ServiceEvent {
  service: string;
  id: string;
  phase: Phase;
  eventStatus: string;
  statusType: string;
  severity: ComponentStatus;
  start?: string;
  end?: string;
  text: string;
}

const SEVERITY_RANK: Readonly<Record<ComponentStatus, number>> = {
  operational: 0,
  under_maintenance: 1,
  degraded_performance: 2,
  partial_outage: 3,
  major_outage: 4,
};

function worse(a: ComponentStatus, b: ComponentStatus): ComponentStatus {
  return SEVERITY_RANK[b] > SEVERITY_RANK[a] ? b : a;
}

/** `epochStartDate`/`epochEndDate`: ms since the epoch, as a number or a numeric string. */
function epochMs(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  return typeof raw === 'string' && /^\d{1,16}$/.test(raw.trim()) ? Number(raw) : undefined;
}

const STAMP = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})(?:\s+([A-Za-z]{1,5}))?$/;

/**
 * Hours from UTC of the US abbreviations Apple prints. Apple switches PDT/PST exactly (the 2020 developer capture
 * has `11/01/2020 01:00 PST` with epochEndDate 1604221200000 = 09:00Z, in the repeated hour), so the
 * abbreviation's own offset is right, unlike Statuspage's year-round "PST" that dates.ts reads by zone rules.
 */
const US_OFFSET_HOURS: Readonly<Record<string, number>> = {
  UTC: 0, GMT: 0, PST: -8, PDT: -7, MST: -7, MDT: -6, CST: -6, CDT: -5, EST: -5, EDT: -4,
};

/** `startDate`/`endDate` text (`04/26/2021 04:13 PDT`, US month/day order) → ms; fallback when the epoch is absent. */
function stampMs(raw: string | undefined): number | undefined {
  const m = raw ? STAMP.exec(raw.trim()) : null;
  if (!m) return undefined;
  const [month, day, year, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return undefined;
  const zone = (m[6] ?? 'UTC').toUpperCase();
  const offset = US_OFFSET_HOURS[zone];
  if (offset === undefined) return wallTimeToUtcMs(year, month - 1, day, hour, minute, zone);
  return Date.UTC(year, month - 1, day, hour, minute) - offset * 3_600_000;
}

function phaseOf(eventStatus: string, end: string | undefined): Phase {
  switch (eventStatus) {
    case 'ongoing':
      return 'open';
    case 'upcoming':
      return 'upcoming';
    case 'resolved':
    case 'completed':
      return 'closed';
    default:
      return end ? 'closed' : 'open';
  }
}

function severityOf(statusType: string, usersAffected: string | undefined): ComponentStatus {
  switch (statusType) {
    case 'outage':
      return /^\s*all\b/i.test(usersAffected ?? '') ? 'major_outage' : 'partial_outage';
    case 'maintenance':
      return 'under_maintenance';
    case 'available':
      return 'operational';
    default:
      // Issue, Performance, and anything Apple adds later: something is wrong, extent not stated.
      return 'degraded_performance';
  }
}

function readEvent(service: string, raw: z.infer<typeof eventSchema>): ServiceEvent {
  const start = toIso(epochMs(raw.epochStartDate) ?? stampMs(raw.startDate));
  const end = toIso(epochMs(raw.epochEndDate) ?? stampMs(raw.endDate));
  const eventStatus = (raw.eventStatus ?? '').trim().toLowerCase();
  const statusType = toPlainTitle(raw.statusType) || 'Event';
  const lines = [htmlToText(raw.message ?? ''), toPlainTitle(raw.usersAffected)].filter(Boolean);
  const event: ServiceEvent = {
    service,
    id: entryId([raw.messageId], service, start),
    phase: phaseOf(eventStatus, end),
    eventStatus,
    statusType,
    severity: severityOf(statusType.toLowerCase(), raw.usersAffected),
    text: lines.join('\n'),
  };
  if (start) event.start = start;
  if (end) event.end = end;
  return event;
}

const STATUS: Readonly<Record<'incident' | 'maintenance', Readonly<Record<Phase, IncidentStatus>>>> = {
  incident: { open: 'investigating', upcoming: 'scheduled', closed: 'resolved' },
  maintenance: { open: 'in_progress', upcoming: 'scheduled', closed: 'completed' },
};

/** One incident from every copy of one message, judged by its most current copies (see header). */
function toIncident(copies: readonly ServiceEvent[], pageUrl: string, fallback: string): Incident {
  const phase: Phase = copies.some((c) => c.phase === 'open') ? 'open' : copies.some((c) => c.phase === 'upcoming') ? 'upcoming' : 'closed';
  const current = phase === 'closed' ? copies : copies.filter((c) => c.phase === phase);
  const first = current[0] as ServiceEvent;
  const services = [...new Set(current.map((c) => c.service))];
  const kind = current.every((c) => c.severity === 'under_maintenance') ? 'maintenance' : 'incident';
  const severity = current.reduce<ComponentStatus>((w, c) => worse(w, c.severity), 'operational');
  const starts = current.flatMap((c) => (c.start ? [c.start] : [])).sort();
  const ends = current.flatMap((c) => (c.end ? [c.end] : [])).sort();
  const createdAt = starts[0] ?? fallback;
  const updatedAt = phase === 'closed' ? (ends[ends.length - 1] ?? createdAt) : createdAt;
  const status = STATUS[kind][phase];
  const more = services.length > 1 ? ` and ${services.length - 1} more` : '';
  const incident: Incident = {
    id: first.id,
    kind,
    title: `${services[0]}${more}: ${first.statusType}`,
    status,
    impact: kind === 'maintenance' ? 'maintenance' : impactOfComponentStatus(severity === 'operational' ? 'degraded_performance' : severity),
    url: pageUrl,
    createdAt,
    updatedAt,
    updates: [{ status, label: first.eventStatus || first.statusType, text: [...new Set(current.map((c) => c.text))].join('\n'), at: updatedAt }],
    components: services,
  };
  if (kind === 'maintenance') {
    if (starts[0]) incident.scheduledFor = starts[0];
    if (ends.length) incident.scheduledUntil = ends[ends.length - 1];
  }
  return incident;
}

function isDeveloperDocument(url: string): boolean {
  if (hostOf(url) === 'developer.apple.com') return true;
  try {
    return /\/developer\//.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

export const appleJsonAdapter: FormatAdapter = {
  id: 'apple-json',
  label: 'Apple System Status (system_status_en_US.js)',
  sniff: ({ head, url }) => {
    const json = isJsonHead(head, 'object') || isJsonpHead(head);
    if (!json) return false;
    if (/"services"\s*:\s*\[/.test(head) && /"serviceName"\s*:/.test(head)) return true;
    return hostOf(url) === 'www.apple.com' && /\/systemstatus\/data\//.test(url);
  },
  parse(body, ctx) {
    const doc = validate(documentSchema, parseJson(unwrapJsonp(body)), 'Apple system status');
    const developer = isDeveloperDocument(ctx.url);
    const pageUrl = developer ? DEVELOPER_PAGE : APPLE_PAGE;
    const fallback = new Date(ctx.now).toISOString();
    const components: Component[] = [];
    const seen = new Set<string>();
    // Map, not an object: a messageId of "__proto__" is just a key.
    const byMessage = new Map<string, ServiceEvent[]>();
    let budget: number = LIMITS.entriesPerDocument;
    for (const service of validItems(serviceSchema, doc.services, LIMITS.components)) {
      const name = toPlainTitle(service.serviceName);
      if (!name || seen.has(name)) continue;
      seen.add(name);
      let status: ComponentStatus = 'operational';
      for (const raw of validItems(eventSchema, service.events, Math.max(0, budget))) {
        budget--;
        const event = readEvent(name, raw);
        if (event.phase === 'open') status = worse(status, event.severity);
        const copies = byMessage.get(event.id);
        if (copies) copies.push(event);
        else byMessage.set(event.id, [event]);
      }
      components.push({ name, status });
    }
    return assembleStatus({
      provider: developer ? 'Apple Developer' : 'Apple',
      format: 'apple-json',
      pageUrl,
      components,
      incidents: [...byMessage.values()].map((copies) => toIncident(copies, pageUrl, fallback)),
      coverage: 'history',
      now: ctx.now,
    });
  },
};
