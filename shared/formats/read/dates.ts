/**
 * Date handling for every adapter. Output is always ISO 8601 UTC (`2026-07-09T07:04:00.000Z`); input is
 * whatever the platforms write: ISO 8601 with offsets, RFC 822 (`Tue, 18 Aug 2026 05:20:30 PDT`, Azure's
 * non-standard `… 04:04:00 Z`), epoch seconds as strings (AWS data.json), and Statuspage's year-less update
 * stamps (`Jul  9, 07:04 UTC`, 2014-era `Jan  1, 09:09 PST`, LambStatus `May 13, 2017, 06:45 UTC`).
 * Nothing here throws: an unreadable date is `undefined` and the caller falls back or skips.
 */

const MONTHS: Readonly<Record<string, number>> = {
  jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11,
};

/**
 * Zone abbreviations Statuspage prints after update times. US abbreviations map to their IANA zone rather than
 * a fixed offset: Statuspage's 2014 pages printed "PST" all year (Parse's October updates say PST but were
 * PDT, matching their -07:00 pubDate), so the wall-clock time is read in the zone's own rules.
 */
const ZONES: Readonly<Record<string, string>> = {
  UTC: 'UTC', GMT: 'UTC', Z: 'UTC',
  PST: 'America/Los_Angeles', PDT: 'America/Los_Angeles', PT: 'America/Los_Angeles',
  MST: 'America/Denver', MDT: 'America/Denver',
  CST: 'America/Chicago', CDT: 'America/Chicago',
  EST: 'America/New_York', EDT: 'America/New_York', ET: 'America/New_York',
  AKST: 'America/Anchorage', AKDT: 'America/Anchorage', HST: 'Pacific/Honolulu',
  BST: 'Europe/London', CET: 'Europe/Paris', CEST: 'Europe/Paris', EET: 'Europe/Athens', EEST: 'Europe/Athens',
  MSK: 'Europe/Moscow', IST: 'Asia/Kolkata', SGT: 'Asia/Singapore', JST: 'Asia/Tokyo', KST: 'Asia/Seoul',
  AEST: 'Australia/Sydney', AEDT: 'Australia/Sydney', NZST: 'Pacific/Auckland', NZDT: 'Pacific/Auckland',
};

const formatters = new Map<string, Intl.DateTimeFormat>();

/** What `format` prints for the options below in en-US: `7/13/2017, 19:40:00`. */
const FORMATTED = /^(\d{1,2})\/(\d{1,2})\/(\d{1,6}), (\d{2}):(\d{2}):(\d{2})$/;

/** Offset (ms) of `zone` from UTC at the UTC instant `utcMs`, asked of Intl (a few microseconds each). */
function intlOffsetMs(zone: string, utcMs: number): number {
  let fmt = formatters.get(zone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(zone, fmt);
  }
  // `format` and one regular expression cost less than half of `formatToParts` and its part objects; any
  // other layout (another ICU, a year before the common era) is read from the parts.
  const m = FORMATTED.exec(fmt.format(utcMs));
  let asUtc: number;
  if (m) asUtc = Date.UTC(Number(m[3]), Number(m[1]) - 1, Number(m[2]), Number(m[4]), Number(m[5]), Number(m[6]));
  else {
    const p: Record<string, number> = {};
    for (const part of fmt.formatToParts(utcMs)) if (part.type !== 'literal') p[part.type] = Number(part.value);
    asUtc = Date.UTC(p.year ?? 1970, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
  }
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** A zone's offsets through one UTC year: the one in force at its start, then each change (UTC ms, whole seconds). */
interface ZoneYear {
  startOffset: number;
  changes: { at: number; offset: number }[];
}

/** Zone → UTC year → its offsets; filled on first use (one entry per zone and year a feed mentions). */
const zoneYears = new Map<string, Map<number, ZoneYear>>();
const DAY_MS = 86_400_000;
/** Years the table serves; instants outside (older offsets changed more erratically) ask Intl each time. */
const TABLE_FROM_MS = Date.UTC(1970, 0, 1);
const TABLE_UNTIL_MS = Date.UTC(2100, 0, 1);

/**
 * Read a zone-year from Intl: its offset at every UTC midnight, and where two differ, the second
 * the offset changes (binary search). Exact as long as no zone changes its offset twice within one day,
 * which no zone in ZONES has done since 1970. About 400 Intl calls, once per zone and year.
 */
function readZoneYear(zone: string, year: number): ZoneYear {
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  const out: ZoneYear = { startOffset: intlOffsetMs(zone, start), changes: [] };
  let from = start;
  let fromOffset = out.startOffset;
  while (from < end) {
    const to = Math.min(from + DAY_MS, end);
    const toOffset = intlOffsetMs(zone, to);
    if (toOffset !== fromOffset) {
      // The change lies in (from, to]: find its first second.
      let lo = from;
      let hi = to;
      while (hi - lo > 1000) {
        const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
        if (intlOffsetMs(zone, mid) === fromOffset) lo = mid;
        else hi = mid;
      }
      if (hi < end) out.changes.push({ at: hi, offset: toOffset });
    }
    from = to;
    fromOffset = toOffset;
  }
  return out;
}

/**
 * Offset (ms) of the IANA `zone` from UTC at the UTC instant `utcMs` (local = UTC + offset), as Intl
 * reports it. From 1970 to 2099 it is read from a per-year table of the zone's changes, so a feed of
 * hundreds of update stamps costs a few hundred Intl calls once rather than two per stamp.
 */
export function zoneOffsetMs(zone: string, utcMs: number): number {
  if (!(utcMs >= TABLE_FROM_MS && utcMs < TABLE_UNTIL_MS)) return intlOffsetMs(zone, utcMs);
  let year = 1970 + Math.floor(utcMs / 31_556_952_000); // mean Gregorian year; off by at most one
  if (Date.UTC(year, 0, 1) > utcMs) year--;
  else if (Date.UTC(year + 1, 0, 1) <= utcMs) year++;
  let years = zoneYears.get(zone);
  if (!years) zoneYears.set(zone, (years = new Map()));
  let table = years.get(year);
  if (!table) years.set(year, (table = readZoneYear(zone, year)));
  let offset = table.startOffset;
  for (const change of table.changes) {
    if (utcMs < change.at) break;
    offset = change.offset;
  }
  return offset;
}

/**
 * UTC ms of a wall-clock time in the zone named by `abbrev` (see ZONES). Unknown abbreviations are read as
 * UTC — Statuspage prints UTC for almost every page, so that is the least surprising guess.
 */
export function wallTimeToUtcMs(year: number, month0: number, day: number, hour: number, minute: number, abbrev = 'UTC'): number {
  const guess = Date.UTC(year, month0, day, hour, minute);
  const zone = ZONES[abbrev.toUpperCase()] ?? 'UTC';
  if (zone === 'UTC') return guess;
  const first = guess - zoneOffsetMs(zone, guess);
  // Second pass settles times near a DST switch.
  return guess - zoneOffsetMs(zone, first);
}

/**
 * Parse a date string (ISO 8601 with any offset, RFC 822/1123 with numeric or named zone, a trailing bare `Z`)
 * or a number of ms since the epoch. Returns ms since the epoch, or `undefined` when unreadable.
 */
export function parseDateMs(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw !== 'string') return undefined;
  const s = raw.trim();
  if (!s || s.length > 100) return undefined;
  let ms = Date.parse(s);
  // Azure writes "Fri, 07 Aug 2026 04:04:00 Z"; RFC 822 only allows "Z" as a military zone, read it as UTC.
  if (Number.isNaN(ms) && / Z$/.test(s)) ms = Date.parse(s.slice(0, -1) + 'GMT');
  return Number.isNaN(ms) ? undefined : ms;
}

/** Epoch seconds, as a number or a numeric string (AWS data.json), → ms; `undefined` when not numeric. */
export function epochSecondsToMs(raw: unknown): number | undefined {
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d{1,12}(\.\d+)?$/.test(raw.trim()) ? Number(raw) : NaN;
  return Number.isFinite(n) ? n * 1000 : undefined;
}

/** ms since the epoch → ISO 8601 UTC string; `undefined` for missing or out-of-range values. */
export function toIso(ms: number | undefined): string | undefined {
  if (ms === undefined || !Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return undefined;
  // Whole ms from 1970 to 9999 (every date a feed carries) are spelled out here: `Date#toISOString` costs a
  // Date object and a trip through V8's date cache, several times this. Other values take that way.
  if (ms >= 0 && ms < YEAR_10000_MS && Math.floor(ms) === ms) return isoOfWholeMs(ms);
  return new Date(ms).toISOString();
}

/** 10000-01-01T00:00:00.000Z in ms. */
const YEAR_10000_MS = 253_402_300_800_000;

/** `YYYY-MM-DDTHH:mm:ss.sssZ` of whole `ms` in [0, YEAR_10000_MS), as `Date#toISOString` writes it. */
function isoOfWholeMs(ms: number): string {
  const days = Math.floor(ms / DAY_MS);
  let rest = ms - days * DAY_MS;
  // Civil date of a day count (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms", days_from_civil inverse).
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const hour = Math.floor(rest / 3_600_000);
  rest -= hour * 3_600_000;
  const minute = Math.floor(rest / 60_000);
  rest -= minute * 60_000;
  const second = Math.floor(rest / 1000);
  const milli = rest - second * 1000;
  // One flat string from char codes: no intermediate pieces to concatenate and flatten later.
  return String.fromCharCode(
    48 + Math.floor(year / 1000), 48 + (Math.floor(year / 100) % 10), 48 + (Math.floor(year / 10) % 10), 48 + (year % 10), 45,
    48 + Math.floor(month / 10), 48 + (month % 10), 45, 48 + Math.floor(day / 10), 48 + (day % 10), 84,
    48 + Math.floor(hour / 10), 48 + (hour % 10), 58, 48 + Math.floor(minute / 10), 48 + (minute % 10), 58,
    48 + Math.floor(second / 10), 48 + (second % 10), 46,
    48 + Math.floor(milli / 100), 48 + (Math.floor(milli / 10) % 10), 48 + (milli % 10), 90,
  );
}

/** Parse any supported date string straight to ISO 8601 UTC (see `parseDateMs`). */
export function isoOf(raw: unknown): string | undefined {
  return toIso(parseDateMs(raw));
}

const STAMP = /^([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2})(?:,\s*(\d{4}))?,?\s+(\d{1,2}):(\d{2})(?:\s*([AaPp][Mm]))?\s*([A-Za-z]{1,5})?/;

/**
 * Read a Statuspage update stamp such as `Jul  9, 07:04 UTC`, `Jan  1, 09:09 PST` or `May 13, 2017, 06:45 UTC`.
 * When the stamp has no year, the year is the one that puts the stamp nearest to `anchorMs` (the entry's own
 * published/updated date), which handles incidents that cross New Year in either direction.
 * Returns ms since the epoch or `undefined`.
 */
export function parseUpdateStamp(text: string, anchorMs: number | undefined): number | undefined {
  const m = STAMP.exec(text.trim());
  if (!m) return undefined;
  const month0 = MONTHS[(m[1] ?? '').toLowerCase()];
  if (month0 === undefined) return undefined;
  const day = Number(m[2]);
  let hour = Number(m[4]);
  const minute = Number(m[5]);
  const ampm = m[6]?.toLowerCase();
  if (ampm === 'pm' && hour < 12) hour += 12;
  if (ampm === 'am' && hour === 12) hour = 0;
  if (day < 1 || day > 31 || hour > 23 || minute > 59) return undefined;
  const zone = m[7] ?? 'UTC';
  if (m[3]) return wallTimeToUtcMs(Number(m[3]), month0, day, hour, minute, zone);
  if (anchorMs === undefined) return undefined;
  const anchorYear = new Date(anchorMs).getUTCFullYear();
  const years = [anchorYear - 1, anchorYear, anchorYear + 1];
  // Converting a wall time in a non-UTC zone costs Intl lookups, so first rank the years by the time read
  // as UTC: a zone moves it by less than a day, so a year ahead by more than two days stays ahead.
  const g0 = Math.abs(Date.UTC(anchorYear - 1, month0, day, hour, minute) - anchorMs);
  const g1 = Math.abs(Date.UTC(anchorYear, month0, day, hour, minute) - anchorMs);
  const g2 = Math.abs(Date.UTC(anchorYear + 1, month0, day, hour, minute) - anchorMs);
  // The nearest year (the earliest of equals) and how far the runner-up trails it.
  const nearest = g1 < g0 ? (g2 < g1 ? 2 : 1) : g2 < g0 ? 2 : 0;
  const lead = nearest === 0 ? Math.min(g1, g2) - g0 : nearest === 1 ? Math.min(g0, g2) - g1 : Math.min(g0, g1) - g2;
  if (lead > CLEAR_LEAD_MS) return wallTimeToUtcMs(years[nearest]!, month0, day, hour, minute, zone);
  let best: number | undefined;
  for (const year of years) {
    const t = wallTimeToUtcMs(year, month0, day, hour, minute, zone);
    if (best === undefined || Math.abs(t - anchorMs) < Math.abs(best - anchorMs)) best = t;
  }
  return best;
}

/** Two days: more than twice the largest UTC offset (±14 h), so a lead this large survives any zone. */
const CLEAR_LEAD_MS = 2 * 24 * 60 * 60 * 1000;
