import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./electron-double'));

const double = await import('./electron-double');
const { openExternalSafe } = await import('../../../electron/open-external');

describe('openExternalSafe', () => {
  it.each(['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'file:///etc/passwd', 'data:text/html,<script>x</script>', 'vbscript:x', 'ms-settings:', 'smb://host/share', '/relative', '', 42, null])(
    'refuses %j',
    async (url) => {
      double.shell.opened.length = 0;
      expect(await openExternalSafe(url)).toBe(false);
      expect(double.shell.opened).toEqual([]);
    },
  );

  it('opens http and https through shell.openExternal', async () => {
    double.shell.opened.length = 0;
    expect(await openExternalSafe('https://www.githubstatus.com/incidents/abc')).toBe(true);
    expect(await openExternalSafe('http://status.example.com')).toBe(true);
    expect(double.shell.opened).toEqual(['https://www.githubstatus.com/incidents/abc', 'http://status.example.com/']);
  });

  it('reports a failure of the system browser as false', async () => {
    expect(await openExternalSafe('https://x.example/', async () => Promise.reject(new Error('no browser')))).toBe(false);
  });
});
