/**
 * Readable names for the component keys some feeds use instead of names. AWS's Health Dashboard RSS names an
 * event's component by its id slug, `<service>-<region>` ("multipleservices-me-central-1", "ec2-us-east-1");
 * users should read "Multiple services, UAE (me-central-1)". The service and region names are the catalog's
 * (shared/catalog/cloud-filters.ts). Pure.
 */
import { AWS_REGIONS, AWS_SERVICE_KEYS } from '../../../shared/catalog/cloud-filters';
import type { FormatId } from '../../../shared/domain/types';

const REGION_NAME = new Map(Object.entries(AWS_REGIONS).map(([name, code]) => [code, name]));
const SERVICE_NAME = new Map<string, string>([
  ...Object.entries(AWS_SERVICE_KEYS).map(([name, key]): [string, string] => [key, name]),
  ['multipleservices', 'Multiple services'],
]);
/** An AWS region code: two letters, optional "gov", a direction, a number ("us-gov-east-1", "me-central-1"). */
const REGION_CODE = /^(?<service>[a-z0-9]+(?:-[a-z0-9]+)*?)-(?<region>[a-z]{2}(?:-gov)?-[a-z]+-\d+)$/;

/**
 * The AWS slug `<service>-<region>` as "<service name>, <region name> (<code>)"; a service the catalog does
 * not name keeps its key, an unknown region its code. `undefined` when `key` is not such a slug.
 */
export function awsComponentName(key: string): string | undefined {
  const match = REGION_CODE.exec(key.trim().toLowerCase());
  if (!match?.groups) return undefined;
  const { service, region } = match.groups as { service: string; region: string };
  const regionName = REGION_NAME.get(region);
  return `${SERVICE_NAME.get(service) ?? service}, ${regionName ? `${regionName} (${region})` : region}`;
}

/** A component as the UI shows it: readable for the formats that use keys, else the name as given. */
export function componentDisplayName(name: string, format: FormatId | undefined): string {
  if (format === 'aws-rss') return awsComponentName(name) ?? name;
  return name;
}
