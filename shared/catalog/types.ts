/**
 * Types of the provider catalog: the services Status Tray knows by name, each with the best machine-readable
 * source for it. Pure types, safe for the renderer.
 */
import type { SourceFilter } from '../domain/source';
import type { FormatId } from '../domain/types';

/**
 * The status platform a service's page runs on. It decides how the source URL is derived from the page URL
 * (see platforms.ts) and which format adapter reads it.
 */
export type CatalogPlatform =
  | 'statuspage'
  | 'incidentio'
  | 'instatus'
  | 'betterstack'
  | 'statusio'
  | 'cachet'
  | 'statuspal'
  | 'sorry'
  | 'site24x7'
  | 'uptimekuma'
  | 'gatus'
  | 'cstate'
  | 'hund'
  | 'freshstatus'
  | 'aws'
  | 'gcp'
  | 'azure'
  | 'slack'
  | 'apple';

/** One service in the catalog. */
export interface CatalogEntry {
  /** Stable slug of the name (`github`, `aws-n-virginia`); never reused for another service. */
  id: string;
  /** Display name. */
  name: string;
  /** The human status page (https). */
  pageUrl: string;
  platform: CatalogPlatform;
  /** The machine-readable document to poll (https). */
  sourceUrl: string;
  /** The format adapter expected to read `sourceUrl`; the registry still sniffs the body. */
  format: FormatId;
  /** Lower-case category tags (`code-hosting`, `ai`, `cloud`, …), sorted. */
  tags: string[];
  /** Present for entries that watch part of a big provider's shared feed (AWS, Google Cloud, Azure, Apple). */
  filter?: SourceFilter;
  /**
   * `true` when the platform was not known from the source list but assumed (a page from Statusphere's list,
   * which polls Statuspage-style pages, is taken to be Statuspage). Discovery tries `sourceUrl` first and, when
   * it does not parse, reads the page itself and recognises the platform from its HTML.
   */
  presumed?: true;
}
