/**
 * Seed rows whose platform or source the seed file cannot give on its own: the seed keeps only
 * `{name, statusPageUrl, platform}`, but Status.io, Sorry™ and Site24x7 documents need a page id, and stts's
 * `other` bucket holds services on platforms Status Tray now reads. The ids and platforms are facts from
 * inket/stts `Resources/services.json` (MIT, commit 240c03a40fe69052036ce325d061437d65e3082a), the file the
 * seed was made from. Rows not listed here keep the seed's platform.
 */
import type { CatalogPlatform } from './types';

/** What a seed row becomes: its platform and, when it cannot be derived from the page URL, its source. */
export interface SeedResolution {
  platform: CatalogPlatform;
  sourceUrl?: string;
}

const statusio = (id: string): SeedResolution => ({ platform: 'statusio', sourceUrl: `https://api.status.io/1.0/status/${id}` });
const sorry = (id: string): SeedResolution => ({ platform: 'sorry', sourceUrl: `https://api.sorryapp.com/v1/pages/${id}/components` });
const site24x7 = (host: string, id: string): SeedResolution => ({
  platform: 'site24x7',
  sourceUrl: `https://${host}/sp/api/public/summary_details/statuspages/${id}`,
});

/** By seed row name (exact). */
export const SEED_RESOLUTIONS: Readonly<Record<string, SeedResolution>> = {
  // stts "statusiov1" rows, with their Status.io page ids.
  ClickUp: statusio('5b6e0963c662144d00913a09'),
  CoreWeave: statusio('5e126e998f2f032e1f8f0f4b'),
  Dashlane: statusio('5aabcb89fccc4b04d3774443'),
  Docker: statusio('533c6539221ae15e3f000031'),
  GitLab: statusio('5b36dc6502d06804c08349f7'),
  "Let's Encrypt": statusio('55957a99e800baa4470002da'),
  'OneLogin (EU)': statusio('54da2ea0e6bd61bf0d00002b'),
  'OneLogin (US)': statusio('538511e2ce5cb97537000144'),
  Roblox: statusio('59db90dbcdeb2f04dadcf16d'),
  SumoLogic: statusio('5ea1c7ba3f2f1604b93ca38e'),
  // stts "sorry" rows, with their Sorry page ids.
  Pingdom: sorry('2273'),
  Pipedrive: sorry('2754'),
  Postmark: sorry('12903'),
  // stts "site24x7" rows (the seed files them under `other`), with their encoded status-page ids.
  Canonical: site24x7('status.canonical.com', 'KNms6QK9ewuzz-7xUsPsN927u5djVcb3oZX1-zOu_go='),
  Site24x7: site24x7('status.site24x7.com', '7Ca9wFlVF-AlbjpE2tzER6FUegHamCQNyZF5CbAffCs='),
  // stts "cstate" row (seed: `other`).
  Civo: { platform: 'cstate' },
  // stts's Miro "(All Regions)" class subclasses its incident.io service (seed: `other`).
  'Miro (All Regions)': { platform: 'incidentio' },
};
