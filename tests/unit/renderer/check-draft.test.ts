import { describe, expect, it } from 'vitest';
import { checkDraftOf, checkSummary, draftToCheck, newCheckDraft } from '../../../renderer/src/settings/checks/check-draft';

const URL_ = 'https://api.example.com/health';

describe('endpoint check form draft', () => {
  it('turns the defaults into an empty rule set (any 2xx), and the fields into a CheckSpec', () => {
    expect(draftToCheck({ ...newCheckDraft(300), url: URL_ })).toEqual({ url: URL_, intervalSeconds: 300, check: {} });
    const d = { ...newCheckDraft(), url: URL_, name: 'API', method: 'HEAD' as const, expect: '200, 204 200', bodyRule: 'notMatches' as const, bodyText: 'error|fail', timeoutSeconds: '5', slowMs: '800', retries: '0', intervalSeconds: '120' };
    const built = draftToCheck(d);
    expect(built).toEqual({ url: URL_, name: 'API', intervalSeconds: 120, check: { method: 'HEAD', expectStatus: [200, 204], notMatches: 'error|fail', timeoutMs: 5_000, slowMs: 800, retries: 0 } });
    if ('check' in built) {
      const source = { id: 'x', url: URL_, name: 'API', enabled: true, intervalSeconds: 120, notify: 'all' as const, check: built.check };
      expect(checkDraftOf(source)).toEqual({ ...d, expect: '200, 204' });
      expect(checkSummary(built.check)).toBe('HEAD · expects 200, 204 · does not match /error|fail/ · slow over 800 ms');
    }
  });

  it('names the first problem and its field', () => {
    const ok = { ...newCheckDraft(), url: URL_ };
    expect(draftToCheck({ ...ok, url: 'api.example.com' })).toMatchObject({ field: 'url' });
    expect(draftToCheck({ ...ok, expect: '200, abc' })).toMatchObject({ field: 'expect' });
    expect(draftToCheck({ ...ok, bodyRule: 'contains', bodyText: '' })).toMatchObject({ field: 'bodyText' });
    expect(draftToCheck({ ...ok, bodyRule: 'matches', bodyText: '[' })).toMatchObject({ field: 'bodyText', error: expect.stringMatching(/^Not a valid regular expression/) });
    expect(draftToCheck({ ...ok, timeoutSeconds: '0' })).toMatchObject({ field: 'timeoutSeconds' });
    expect(draftToCheck({ ...ok, intervalSeconds: '30' })).toMatchObject({ field: 'intervalSeconds' });
    expect(draftToCheck({ ...ok, slowMs: '10' })).toMatchObject({ field: 'slowMs' });
    expect(draftToCheck({ ...ok, retries: '-1' })).toMatchObject({ field: 'retries' });
  });
});
