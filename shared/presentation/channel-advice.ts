/**
 * What to do about a failed delivery, in words, for the settings window's "Send test" outcome and delivery
 * log. The sender's own message says what went wrong (shared/channels/senders.ts); this adds the next step,
 * chosen from the HTTP status or the kind of failure. Pure.
 */
import type { ChannelKind } from '../domain/channel';

/**
 * One sentence saying what the user can do about a failed delivery.
 * @param kind the channel's kind; @param error the sender's (redacted) message; @param httpStatus when the receiver answered.
 */
export function deliveryAdvice(kind: ChannelKind, error: string, httpStatus?: number): string {
  const where = kind === 'email' ? 'the mail server settings' : kind === 'webhook' ? 'the webhook URL' : 'the webhook URL (copy it again from the service)';
  if (httpStatus !== undefined) {
    if (httpStatus >= 300 && httpStatus < 400) return `The address moved. Check ${where}; redirects are not followed so alerts cannot be handed to another server.`;
    if (httpStatus === 401 || httpStatus === 403) return `The receiver refused the request. Check ${where}; the webhook may have been revoked or needs a new signing secret.`;
    if (httpStatus === 404 || httpStatus === 410) return `No webhook exists at that address any more. Create a new one and paste its URL.`;
    if (httpStatus === 400 || httpStatus === 422) return 'The receiver did not accept the message format. Check that the channel kind matches the service.';
    if (httpStatus === 429) return 'The receiver is rate-limiting. Alerts are retried later on their own; try the test again in a minute.';
    if (httpStatus >= 500) return 'The receiver has a problem on its side. Alerts are retried with backoff; try the test again later.';
  }
  if (/missing/i.test(error)) return kind === 'email' ? 'Enter the SMTP password and save.' : 'Enter the webhook URL and save.';
  if (/keychain/i.test(error)) return 'Unlock the system keychain (or keyring), then try again.';
  if (/mail server/i.test(error)) return 'Check the host, port, security and sign-in of the mail server.';
  if (/reach|answer within/i.test(error)) return 'Check the address and your network connection (a proxy or firewall may block it).';
  return `Check ${where}, then try again.`;
}
