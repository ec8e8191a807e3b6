/**
 * A test double of the `electron` module, enough for electron/ and electron-store: records what the code
 * under test asked for and lets tests fire events. Used with `vi.mock('electron', () => import('./electron-double'))`.
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Handler = (...args: any[]) => any;

export const userDataDir = mkdtempSync(join(tmpdir(), 'status-tray-userdata-'));

export const app = Object.assign(new EventEmitter(), {
  getPath: (_name: string) => userDataDir,
  getVersion: () => '0.1.0',
  getAppPath: () => process.cwd(),
  isPackaged: false,
  setLoginItemSettings: (_s: unknown) => undefined,
});

export const shell = { opened: [] as string[], openExternal: async (url: string) => void shell.opened.push(url) };

export const ipcMain = Object.assign(new EventEmitter(), {
  handlers: new Map<string, Handler>(),
  handle(channel: string, fn: Handler) {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, fn);
  },
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  },
});

export const ipcRenderer = Object.assign(new EventEmitter(), {
  invoked: [] as unknown[][],
  async invoke(...args: unknown[]) {
    ipcRenderer.invoked.push(args);
    return { ok: true, value: null };
  },
});

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown) {
    contextBridge.exposed.set(key, api);
  },
};

class FakeWebContents extends EventEmitter {
  openHandler: Handler | undefined;
  sent: unknown[][] = [];
  destroyed = false;
  setWindowOpenHandler(fn: Handler) {
    this.openHandler = fn;
  }
  send(...args: unknown[]) {
    this.sent.push(args);
  }
  isDestroyed() {
    return this.destroyed;
  }
}

export class BrowserWindow extends EventEmitter {
  static created: BrowserWindow[] = [];
  webContents = new FakeWebContents();
  loaded: string | undefined;
  destroyed = false;
  shown = 0;
  focused = 0;
  constructor(public options: Record<string, any>) {
    super();
    BrowserWindow.created.push(this);
  }
  async loadURL(url: string) {
    this.loaded = url;
  }
  isDestroyed() {
    return this.destroyed;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  show() {
    this.shown++;
  }
  focus() {
    this.focused++;
  }
  close() {
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
}

export class Notification extends EventEmitter {
  static supported = true;
  static created: Notification[] = [];
  static isSupported() {
    return Notification.supported;
  }
  shown = 0;
  constructor(public options: { title: string; body: string }) {
    super();
    Notification.created.push(this);
  }
  show() {
    this.shown++;
  }
}

export const session = {
  defaultSession: {
    permissionHandler: undefined as Handler | undefined,
    checkHandler: undefined as Handler | undefined,
    headersListener: undefined as Handler | undefined,
    setPermissionRequestHandler(fn: Handler) {
      this.permissionHandler = fn;
    },
    setPermissionCheckHandler(fn: Handler) {
      this.checkHandler = fn;
    },
    webRequest: {
      onHeadersReceived(fn: Handler) {
        session.defaultSession.headersListener = fn;
      },
    },
  },
};

class FakeImage {
  template = false;
  constructor(public source: string) {}
  isEmpty() {
    return this.source === 'empty';
  }
  setTemplateImage(on: boolean) {
    this.template = on;
  }
}
export const nativeImage = {
  createEmpty: () => new FakeImage('empty'),
  createFromPath: (p: string) => new FakeImage(`path:${p}`),
  createFromBitmap: (_b: Buffer, o: { width: number }) => new FakeImage(`bitmap:${o.width}`),
};

export class Tray extends EventEmitter {
  static last: Tray | undefined;
  tooltip = '';
  image: unknown;
  menu: unknown;
  boundsValue = { x: 0, y: 0, width: 0, height: 0 };
  constructor(image: unknown) {
    super();
    this.image = image;
    Tray.last = this;
  }
  setToolTip(t: string) {
    this.tooltip = t;
  }
  setImage(i: unknown) {
    this.image = i;
  }
  setContextMenu(m: unknown) {
    this.menu = m;
  }
  getBounds() {
    return { ...this.boundsValue };
  }
  poppedUp: unknown[] = [];
  popUpContextMenu(m: unknown) {
    this.poppedUp.push(m);
  }
  destroy() {}
}

export const Menu = { buildFromTemplate: (template: unknown[]) => ({ template }), setApplicationMenu: () => undefined };

export const protocol = {
  handlers: new Map<string, Handler>(),
  privileged: [] as unknown[],
  registerSchemesAsPrivileged(s: unknown[]) {
    protocol.privileged.push(...s);
  },
  handle(scheme: string, fn: Handler) {
    protocol.handlers.set(scheme, fn);
  },
};

/**
 * `safeStorage`: a reversible scramble (not the plain text, so a test can tell it was used) and switches for
 * the cases the app must handle: no keychain at all, or Linux's `basic_text` fallback.
 */
export const safeStorage = {
  available: true,
  backend: 'gnome_libsecret',
  isEncryptionAvailable: () => safeStorage.available,
  getSelectedStorageBackend: () => safeStorage.backend,
  encryptString(text: string): Buffer {
    if (!safeStorage.available) throw new Error('Encryption is not available.');
    return Buffer.from(`enc:${Buffer.from(text, 'utf8').toString('base64').split('').reverse().join('')}`, 'utf8');
  },
  decryptString(data: Buffer): string {
    const s = data.toString('utf8');
    if (!s.startsWith('enc:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(s.slice(4).split('').reverse().join(''), 'base64').toString('utf8');
  },
};

const electron = { app, shell, ipcMain, ipcRenderer, contextBridge, BrowserWindow, Notification, session, nativeImage, Tray, Menu, protocol, safeStorage };
export default electron;
