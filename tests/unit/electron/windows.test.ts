import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./electron-double'));

const double = await import('./electron-double');
const { createAppWindow, hardenSession, pageUrl, WindowManager } = await import('../../../electron/windows');
const { CONTENT_SECURITY_POLICY } = await import('../../../electron/csp');

const OPTIONS = { preloadPath: '/app/dist/electron/preload.cjs', pageOrigin: 'app://status-tray' };

beforeEach(() => {
  double.BrowserWindow.created.length = 0;
  double.shell.opened.length = 0;
});

describe('webPreferences', () => {
  it('isolates, sandboxes and keeps Node out of every window', () => {
    const win = createAppWindow('main', OPTIONS) as unknown as InstanceType<typeof double.BrowserWindow>;
    expect(win.options.webPreferences).toEqual({
      preload: OPTIONS.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(createAppWindow('settings', OPTIONS)).not.toBe(win);
    expect((double.BrowserWindow.created[1]!.options as { webPreferences: unknown }).webPreferences).toEqual(win.options.webPreferences);
  });
});

describe('the popover window', () => {
  it('is frameless, resizable, off the taskbar, loads the status page with ?view=popover, and waits to be placed before showing', () => {
    const win = createAppWindow('popover', OPTIONS) as unknown as InstanceType<typeof double.BrowserWindow>;
    expect(win.options).toMatchObject({ frame: false, resizable: true, skipTaskbar: true, width: 380, height: 600, minWidth: 320, show: false });
    expect(win.loaded).toBe('app://status-tray/index.html?view=popover');
    win.emit('ready-to-show');
    expect(win.shown).toBe(0);
    const main = createAppWindow('main', OPTIONS) as unknown as InstanceType<typeof double.BrowserWindow>;
    expect(win.options.webPreferences).toEqual(main.options.webPreferences);
    expect(main.options.frame).toBeUndefined();
    expect(main.options.width).toBeGreaterThan(win.options.width);
  });
});

describe('createAppWindow', () => {
  it('creates the window with those preferences, loads its page from the app origin, shows it when ready', () => {
    const win = createAppWindow('settings', OPTIONS) as unknown as InstanceType<typeof double.BrowserWindow>;
    expect(win.options.show).toBe(false);
    expect(win.loaded).toBe('app://status-tray/settings.html');
    win.emit('ready-to-show');
    expect(win.shown).toBe(1);
    expect(pageUrl('main', 'app://status-tray')).toBe('app://status-tray/index.html');
  });

  it('denies navigation away, sending http(s) targets to the browser and nothing else', () => {
    const win = createAppWindow('main', OPTIONS) as unknown as InstanceType<typeof double.BrowserWindow>;
    for (const url of ['https://www.githubstatus.com/', 'javascript:alert(1)', 'file:///etc/passwd']) {
      const event = { preventDefault: vi.fn() };
      win.webContents.emit('will-navigate', event, url);
      expect(event.preventDefault).toHaveBeenCalled();
    }
    expect(double.shell.opened).toEqual(['https://www.githubstatus.com/']);
  });

  it('denies window.open, opening only http(s) externally', () => {
    const win = createAppWindow('main', OPTIONS) as unknown as InstanceType<typeof double.BrowserWindow>;
    expect(win.webContents.openHandler!({ url: 'https://status.example.com/incidents/1' })).toEqual({ action: 'deny' });
    expect(win.webContents.openHandler!({ url: 'javascript:alert(document.cookie)' })).toEqual({ action: 'deny' });
    expect(double.shell.opened).toEqual(['https://status.example.com/incidents/1']);
  });

  it('refuses to attach a webview', () => {
    const win = createAppWindow('main', OPTIONS) as unknown as InstanceType<typeof double.BrowserWindow>;
    const event = { preventDefault: vi.fn() };
    win.webContents.emit('will-attach-webview', event);
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('WindowManager', () => {
  it('reuses an open window, and creates a new one after the old was closed (destroyed)', () => {
    const wm = new WindowManager(OPTIONS);
    const a = wm.show('main');
    expect(wm.show('main')).toBe(a);
    expect(double.BrowserWindow.created).toHaveLength(1);
    (a as unknown as InstanceType<typeof double.BrowserWindow>).close();
    expect(wm.all()).toEqual([]);
    const b = wm.show('main');
    expect(b).not.toBe(a);
    wm.show('settings');
    expect(wm.all()).toHaveLength(2);
  });
});

describe('hardenSession', () => {
  it('denies every permission and adds the strict CSP header', () => {
    hardenSession();
    const ses = double.session.defaultSession;
    const answer = vi.fn();
    ses.permissionHandler!({}, 'notifications', answer);
    expect(answer).toHaveBeenCalledWith(false);
    expect(ses.checkHandler!()).toBe(false);
    const cb = vi.fn();
    ses.headersListener!({ responseHeaders: { 'X-A': ['1'] } }, cb);
    expect(cb).toHaveBeenCalledWith({ responseHeaders: { 'X-A': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe');
  });
});
