import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../../shared/formats/registry';
import { awsComponentName, componentDisplayName } from '../../../../renderer/src/common/component-names';
import { readFeed } from '../../../support/feeds';

describe('AWS component keys', () => {
  it('become the service’s and the region’s names', () => {
    expect(awsComponentName('multipleservices-me-central-1')).toBe('Multiple services, UAE (me-central-1)');
    expect(awsComponentName('ec2-us-east-1')).toBe('Amazon Elastic Compute Cloud, N. Virginia (us-east-1)');
    expect(awsComponentName('directconnect-eu-central-1')).toBe('AWS Direct Connect, Frankfurt (eu-central-1)');
    expect(awsComponentName('us-gov-west-1')).toBeUndefined();
    expect(awsComponentName('Amazon EC2')).toBeUndefined();
  });

  it('no raw key of the captured all.rss leaks, and other formats keep their names', async () => {
    const status = await parseDocument(readFeed('aws/aws-all-rss-2026-08-18.rss'), { url: 'https://status.aws.amazon.com/rss/all.rss', now: Date.UTC(2026, 7, 18, 13) });
    const keys = [...status.activeIncidents, ...status.recentIncidents].flatMap((i) => i.components);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(componentDisplayName(key, 'aws-rss')).not.toMatch(/^[a-z0-9]+-[a-z]{2}-[a-z]+-\d$/);
    expect(componentDisplayName('multipleservices-me-central-1', 'statuspage-json')).toBe('multipleservices-me-central-1');
  });
});
