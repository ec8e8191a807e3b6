import { ALL_DOCUMENTS } from './support/documents';
import { test } from './support/harness';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FEEDS_DIR } from '../support/feeds';
import { DOCS } from './support/documents';
const brokenJson = readFileSync(resolve(FEEDS_DIR, DOCS.cursor), 'utf8').slice(0, 900);
test.use({ appOptions: { sources: [...ALL_DOCUMENTS, { id: 'broken-json', path: '/broken/api/v2/summary.json', body: brokenJson, contentType: 'application/json', name: 'Broken JSON page' }] } });
test('debug', async ({ app }) => {
  test.setTimeout(120_000);
  const t0 = Date.now();
  for (let i = 0; i < 30; i++) {
    const s = app.controller.snapshot().engine.sources;
    const left = s.filter((x) => x.lastCheckedAt === undefined || x.polling).map((x) => x.id + (x.polling ? '*' : ''));
    console.log(Date.now() - t0, left.join(','));
    if (left.length === 0) break;
    await new Promise((r) => setTimeout(r, 2000));
  }
});
