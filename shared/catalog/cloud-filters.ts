/**
 * Filters that turn a big provider's shared feed (AWS, Google Cloud, Azure, Apple) into one service or region
 * (see SourceFilter in shared/domain/source.ts). The names come from the catalog seed (how stts labels them); region codes are AWS's public region identifiers; service keys
 * are the slugs AWS uses in its Health Dashboard event ids (`#directconnect-eu-central-1_…` in all.rss).
 */
import type { SourceFilter } from '../domain/source';

/** AWS region by the name the seed uses inside "AWS (<name>)". */
export const AWS_REGIONS: Readonly<Record<string, string>> = {
  'N. Virginia': 'us-east-1',
  Ohio: 'us-east-2',
  'N. California': 'us-west-1',
  Oregon: 'us-west-2',
  'US-East': 'us-gov-east-1',
  'US-West': 'us-gov-west-1',
  'Canada-Central': 'ca-central-1',
  Calgary: 'ca-west-1',
  'Mexico-Central': 'mx-central-1',
  'Sao Paulo': 'sa-east-1',
  Ireland: 'eu-west-1',
  London: 'eu-west-2',
  Paris: 'eu-west-3',
  Frankfurt: 'eu-central-1',
  Zurich: 'eu-central-2',
  Milan: 'eu-south-1',
  Spain: 'eu-south-2',
  Stockholm: 'eu-north-1',
  'Cape Town': 'af-south-1',
  Bahrain: 'me-south-1',
  UAE: 'me-central-1',
  'Tel Aviv': 'il-central-1',
  Mumbai: 'ap-south-1',
  Hyderabad: 'ap-south-2',
  'Hong Kong': 'ap-east-1',
  Taipei: 'ap-east-2',
  Tokyo: 'ap-northeast-1',
  Seoul: 'ap-northeast-2',
  Osaka: 'ap-northeast-3',
  Singapore: 'ap-southeast-1',
  Sydney: 'ap-southeast-2',
  Jakarta: 'ap-southeast-3',
  Melbourne: 'ap-southeast-4',
  Malaysia: 'ap-southeast-5',
  'New Zealand': 'ap-southeast-6',
  Thailand: 'ap-southeast-7',
};

/** Health Dashboard service keys for well-known AWS services (others match by name only). */
export const AWS_SERVICE_KEYS: Readonly<Record<string, string>> = {
  'Amazon Elastic Compute Cloud': 'ec2',
  'Amazon Simple Storage Service': 's3',
  'AWS Lambda': 'lambda',
  'Amazon Relational Database Service': 'rds',
  'Amazon DynamoDB': 'dynamodb',
  'Amazon CloudFront': 'cloudfront',
  'Amazon Route 53': 'route53',
  'AWS Identity and Access Management': 'iam',
  'Amazon Simple Queue Service': 'sqs',
  'Amazon Simple Notification Service': 'sns',
  'Amazon Elastic Container Service': 'ecs',
  'Amazon Elastic Kubernetes Service': 'eks',
  'Amazon ElastiCache': 'elasticache',
  'Amazon CloudWatch': 'cloudwatch',
  'Amazon API Gateway': 'apigateway',
  'AWS Direct Connect': 'directconnect',
  'Amazon Virtual Private Cloud': 'vpc',
  'Amazon Elastic Load Balancing': 'elb',
  'AWS CloudFormation': 'cloudformation',
  'Amazon Cognito': 'cognito',
  'AWS Key Management Service': 'kms',
  'Amazon Kinesis Data Streams': 'kinesis',
  'Amazon Redshift': 'redshift',
  'Amazon SageMaker': 'sagemaker',
  'Amazon Bedrock': 'bedrock',
  'AWS Fargate': 'fargate',
  'Amazon Elastic Container Registry': 'ecr',
  'Amazon Elastic File System': 'elasticfilesystem',
  'AWS Management Console': 'management-console',
};

/** Azure status regions, by the seed's "Azure <name>" entries. */
export const AZURE_REGIONS: readonly string[] = [
  'Americas', 'Asia Pacific', 'China', 'Europe', 'Government', 'Jio', 'Middle East and Africa',
];

const ALL = /\((All|All Regions)\)$/;

/**
 * Filter for an AWS seed entry: "AWS (<region>)" selects a region, "AWS (All)" and "AWS Regions (All)" select
 * everything, any other name selects that service. `undefined` means no filter (watch everything).
 * Throws when a region name is not in AWS_REGIONS, so a new seed region cannot slip in unfiltered.
 */
export function awsFilter(name: string): SourceFilter | undefined {
  if (ALL.test(name)) return undefined;
  const region = /^AWS \((.+)\)$/.exec(name)?.[1];
  if (region !== undefined) {
    const code = AWS_REGIONS[region];
    if (!code) throw new Error(`Unknown AWS region name in the catalog seed: ${region}`);
    return { regions: [code, region] };
  }
  const key = AWS_SERVICE_KEYS[name];
  return { components: key ? [name, key] : [name] };
}

/**
 * Filter for a Google Cloud or Firebase seed entry: "(All)" selects everything; otherwise the product, under
 * the seed's name and without its "Google "/"Firebase " prefix or "(BETA)" suffix (Google's `affected_products`
 * titles use either form, e.g. "Google BigQuery" but "Agent Assist").
 */
export function gcpFilter(name: string): SourceFilter | undefined {
  if (ALL.test(name)) return undefined;
  const bare = name.replace(/\s*\(BETA\)$/, '').replace(/^(Google|Firebase) /, '');
  const names = [...new Set([name, name.replace(/\s*\(BETA\)$/, ''), bare])];
  return { components: names };
}

/** Filter for an Azure seed entry: "Azure (All Regions)" selects everything, "Azure <region>" one region. */
export function azureFilter(name: string): SourceFilter | undefined {
  if (ALL.test(name)) return undefined;
  const region = name.replace(/^Azure /, '');
  if (!AZURE_REGIONS.includes(region)) throw new Error(`Unknown Azure region name in the catalog seed: ${region}`);
  return { regions: [region] };
}

/**
 * Filter for an Apple or Apple Developer seed entry: "(All)" selects everything; otherwise the service as Apple's
 * data document names it (`services[].serviceName`, matched exactly by applyCatalogFilter). The seed names come
 * from stts's generator (inket/stts Scripts/generate_apple_services.swift): it shows a service as its
 * `serviceName` when that starts with "Apple", else as "Apple <serviceName>", and appends " (Developer)" to a
 * developer service whose shown name collides with a consumer one. Inverting that is ambiguous for names that
 * start with "Apple " ("Apple Music" is the service "Apple Music", "Apple iCloud Mail" the service "iCloud Mail"),
 * so both spellings are listed; one document never holds both.
 */
export function appleFilter(name: string): SourceFilter | undefined {
  const shown = name.trim();
  if (ALL.test(shown)) return undefined;
  const bare = shown.replace(/\s*\(Developer\)$/, '');
  const names = [bare];
  if (bare.startsWith('Apple ')) names.push(bare.slice('Apple '.length));
  return { components: names };
}
