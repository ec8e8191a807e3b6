import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./electron-double'));

const double = await import('./electron-double');
const { APP_ORIGIN, mimeType, registerAppScheme, resolveAppAsset, serveAppProtocol } = await import('../../../electron/app-protocol');
const { CONTENT_SECURITY_POLICY } = await import('../../../electron/csp');

const root = mkdtempSync(join(tmpdir(), 'status-tray-renderer-'));
mkdirSync(join(root, 'assets'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>t</title>');
writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(join(tmpdir(), 'status-tray-secret.txt'), 'secret');

describe('resolveAppAsset', () => {
  it('maps app://status-tray/ paths into the renderer folder', () => {
    expect(resolveAppAsset(root, `${APP_ORIGIN}/`)).toBe(join(root, 'index.html'));
    expect(resolveAppAsset(root, `${APP_ORIGIN}/settings.html?x#y`)).toBe(join(root, 'settings.html'));
    expect(resolveAppAsset(root, `${APP_ORIGIN}/assets/app.js`)).toBe(join(root, 'assets', 'app.js'));
  });

  it.each([`${APP_ORIGIN}/../status-tray-secret.txt`, `${APP_ORIGIN}/%2e%2e/status-tray-secret.txt`])('keeps dot segments inside the folder: %s', (url) => {
    // The URL parser removes these dot segments, so the request names a (missing) file inside the root.
    expect(resolveAppAsset(root, url)).toBe(join(root, 'status-tray-secret.txt'));
  });

  it.each([
    `${APP_ORIGIN}/assets/%2e%2e%2f%2e%2e%2fstatus-tray-secret.txt`,
    `${APP_ORIGIN}/..%2fstatus-tray-secret.txt`,
    `${APP_ORIGIN}/a%5c..%5c..%5cx`,
    `${APP_ORIGIN}/index.html%00.png`,
    `${APP_ORIGIN}/%E0%A4%A`,
    'app://other-host/index.html',
    'https://status-tray/index.html',
    'file:///etc/passwd',
  ])('refuses %s', (url) => {
    expect(resolveAppAsset(root, url)).toBeUndefined();
  });
});

describe('the app: protocol', () => {
  it('is registered as standard and secure', () => {
    registerAppScheme();
    expect(double.protocol.privileged).toContainEqual(expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }));
  });

  it('serves files with their type and the CSP header, and 404s anything outside', async () => {
    serveAppProtocol(root);
    const handler = double.protocol.handlers.get('app')!;
    const ok: Response = await handler({ url: `${APP_ORIGIN}/assets/app.js` });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(ok.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await ok.text()).toBe('console.log(1)');
    expect((await handler({ url: `${APP_ORIGIN}/%2e%2e/status-tray-secret.txt` })).status).toBe(404);
    expect((await handler({ url: `${APP_ORIGIN}/missing.js` })).status).toBe(404);
    expect(mimeType('x.unknown')).toBe('application/octet-stream');
  });
});
