import { describe, expect, it } from 'vitest';
import type { ProviderStatus } from '../../../../shared/domain/types';
import type { SourceSettings } from '../../../../shared/ipc/contract';
import { filterSources, hostOf, sourceFacts } from '../../../../renderer/src/settings/source-filter';

function source(id: string, url: string, extra: Partial<SourceSettings> = {}): SourceSettings {
  return { id, url, enabled: true, intervalSeconds: 300, notify: 'all', ...extra };
}

/** Only the fields the facts read; the rest of a status does not matter here. */
const read = (provider: string, format: ProviderStatus['format']) => ({ status: { provider, format } as ProviderStatus });

const cursor = sourceFacts(source('cursor', 'https://status.cursor.com/api/v2/summary.json'), read('Cursor', 'statuspage-json'));
const slack = sourceFacts(source('slack', 'https://slack-status.com/api/v2.0.0/current'), read('Slack', 'slack-json'));
const ec2 = sourceFacts(
  source('ec2', 'https://status.aws.amazon.com/rss/all.rss', {
    name: 'EC2 (Virginia)',
    filter: { components: ['Amazon Elastic Compute Cloud', 'ec2'], regions: ['us-east-1'] },
  }),
  read('Amazon Web Services Service Status', 'aws-rss'),
);
const unread = sourceFacts(source('mine', 'https://www.status.zürich.example/feed.atom'), undefined);
const rows = [cursor, slack, ec2, unread];
const ids = (query: string) => filterSources(rows, query).map((r) => r.id);

describe('sourceFacts', () => {
  it('names a source as the user did, else as its page does, else by host', () => {
    expect(ec2.name).toBe('EC2 (Virginia)');
    expect(cursor.name).toBe('Cursor');
    expect(unread.name).toBe('www.status.xn--zrich-kva.example');
  });

  it('gives the host without www, the platform from the format read and the catalog, and the part watched', () => {
    expect(cursor.host).toBe('status.cursor.com');
    expect(cursor.platform).toBe('Statuspage JSON API · Statuspage');
    expect(slack.platform).toBe('Slack status API · Slack status');
    expect(ec2.narrowed).toBe('Amazon Elastic Compute Cloud in us-east-1');
    expect(unread.platform).toBe('');
    expect(hostOf('not a url')).toBe('not a url');
  });
});

describe('filterSources', () => {
  it('keeps every row, in order, for a blank query', () => {
    expect(ids('')).toEqual(['cursor', 'slack', 'ec2', 'mine']);
    expect(ids('   ')).toEqual(['cursor', 'slack', 'ec2', 'mine']);
  });

  it('finds rows by name, host, platform or the part watched, ignoring case', () => {
    expect(ids('CURSOR')).toEqual(['cursor']);
    expect(ids('slack-status.com')).toEqual(['slack']);
    expect(ids('statuspage')).toEqual(['cursor']);
    expect(ids('us-east-1')).toEqual(['ec2']);
    expect(ids('status')).toEqual(['cursor', 'slack', 'ec2', 'mine']);
  });

  it('wants every word somewhere in the row', () => {
    expect(ids('aws ec2')).toEqual(['ec2']);
    expect(ids('slack statuspage')).toEqual([]);
    expect(ids('nothing like it')).toEqual([]);
  });
});
