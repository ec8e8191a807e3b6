/**
 * HTTP-date parsing (RFC 9110 §5.6.7). Used for `Retry-After` and the response `Date` header; never used to
 * judge whether a document is new (docs/http-and-faults.md, "Dates").
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// IMF-fixdate, the preferred form: `Sun, 06 Nov 1994 08:49:37 GMT`.
const IMF_FIXDATE = /^[A-Za-z]{3}, (\d{2}) ([A-Za-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
// Obsolete RFC 850 form: `Sunday, 06-Nov-94 08:49:37 GMT`.
const RFC850_DATE = /^[A-Za-z]{6,9}, (\d{2})-([A-Za-z]{3})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
// Obsolete asctime form, which has no zone but is UTC by definition: `Sun Nov  6 08:49:37 1994`.
const ASCTIME_DATE = /^[A-Za-z]{3} ([A-Za-z]{3}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/;

/**
 * Parse an HTTP-date in any of the three forms recipients must accept (RFC 9110 §5.6.7).
 * @param value header value, e.g. `Sun, 06 Nov 1994 08:49:37 GMT`.
 * @returns ms since the Unix epoch (UTC), or `undefined` when the value is missing or not a valid HTTP-date.
 *   Unlike `Date.parse`, the zone-less asctime form is read as UTC, not local time.
 */
export function parseHttpDate(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const text = value.trim();
  let m = IMF_FIXDATE.exec(text);
  if (m) return build(m[3], m[2], m[1], m[4], m[5], m[6]);
  m = RFC850_DATE.exec(text);
  if (m) {
    // Two-digit years: RFC 9110 says pick the most recent past year with those digits; for status pages
    // written this century, 00–69 → 20xx is the same answer without consulting a clock.
    const yy = Number(m[3]);
    return build(String(yy < 70 ? 2000 + yy : 1900 + yy), m[2], m[1], m[4], m[5], m[6]);
  }
  m = ASCTIME_DATE.exec(text);
  if (m) return build(m[6], m[1], m[2], m[3], m[4], m[5]);
  return undefined;
}

function build(
  year: string | undefined,
  month: string | undefined,
  day: string | undefined,
  hour: string | undefined,
  minute: string | undefined,
  second: string | undefined,
): number | undefined {
  const mon = MONTHS.indexOf((month ?? '').toLowerCase());
  const y = Number(year);
  const d = Number(day?.trim());
  const h = Number(hour);
  const mi = Number(minute);
  const s = Number(second);
  if (mon < 0 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return undefined;
  const ms = Date.UTC(y, mon, d, h, mi, Math.min(s, 59));
  // Reject dates that Date.UTC silently rolled over (e.g. 31 Feb).
  if (new Date(ms).getUTCDate() !== d) return undefined;
  return ms;
}
