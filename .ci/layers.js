// Which folder may import which: the layer rules of docs/architecture.md as ESLint `no-restricted-imports`
// settings, one config block per folder. ESLint replaces (does not merge) a rule's options when two blocks
// match a file, so each block carries the rules common to all of shared/ as well as its own.
//
// Imports are matched as written. Inside shared/ every import between folders is relative, so
// `^(../)+<folder>/` names the top-level folder of shared/ it reaches; no sub-folder reuses one of those names.

/** Top-level folders of shared/, bottom layer first. */
const SHARED_FOLDERS = ['domain', 'formats', 'webhooks', 'catalog', 'opml', 'noise', 'engine', 'history', 'discovery', 'presentation', 'channels', 'ipc', 'app', 'storage', 'platform'];

/** The folders of shared/ each folder may import, besides itself. Anything not listed is refused. */
const ALLOWED = {
  domain: [],
  formats: ['domain'],
  catalog: ['domain'],
  opml: ['domain'],
  noise: ['domain'],
  webhooks: ['domain', 'formats'],
  engine: ['domain', 'formats', 'noise'],
  history: ['domain', 'engine'],
  discovery: ['domain', 'formats', 'catalog', 'engine'],
  presentation: ['domain', 'noise', 'engine'],
  channels: ['domain', 'engine', 'presentation'],
  // channels: the zod schema of a channel and its secrets, for the settings window's channel calls.
  ipc: ['domain', 'noise', 'engine', 'history', 'channels'],
  app: ['domain', 'formats', 'catalog', 'opml', 'noise', 'engine', 'discovery', 'presentation', 'channels', 'ipc'],
  // The SQLite store is a Node adapter like platform/ (a native module): only cli/ and electron/ wire it in.
  storage: ['domain', 'engine', 'history', 'ipc', 'platform'],
  platform: ['domain', 'formats', 'engine', 'channels'],
};

/** Rules for everything in shared/: it runs in Node, the Electron main process and tests alike. */
const SHARED_COMMON = [
  { regex: '^electron(/|$)', message: 'shared/ never imports electron: Electron code lives in electron/ (docs/architecture.md).' },
  { regex: '^react(-dom)?(/|$)', message: 'shared/ never imports React: pages live in renderer/ (docs/architecture.md).' },
];

const NOT_PLATFORM = {
  regex: '^(\\.\\./)+platform/',
  message: 'Only electron/ and cli/ wire in platform adapters; shared/ reaches them through the ports (docs/architecture.md).',
};

function folderRule(folder) {
  const allowed = new Set([folder, ...ALLOWED[folder]]);
  const refused = SHARED_FOLDERS.filter((f) => !allowed.has(f));
  const patterns = [...SHARED_COMMON];
  if (folder !== 'platform' && folder !== 'storage') patterns.push(NOT_PLATFORM);
  const above = refused.filter((f) => f !== 'platform');
  if (above.length > 0) {
    patterns.push({
      regex: `^(\\.\\./)+(${above.join('|')})(/|$)`,
      message:
        ALLOWED[folder].length === 0
          ? `shared/${folder}/ imports nothing from the rest of shared/ (docs/architecture.md, "Layers").`
          : `shared/${folder}/ may import only ${ALLOWED[folder].map((f) => `shared/${f}/`).join(', ')} (docs/architecture.md, "Layers").`,
    });
  }
  if (folder === 'domain') {
    patterns.push({ regex: '^(?!\\.)', message: 'shared/domain/ is plain TypeScript: no packages, no Node modules (docs/architecture.md).' });
  }
  return { files: [`shared/${folder}/**/*.{ts,tsx}`], rules: { 'no-restricted-imports': ['error', { patterns }] } };
}

/** What a page may import from shared/: the IPC contract, the domain, presentation, noise rules, and the catalog search. */
const RENDERER_RULE = {
  files: ['renderer/**/*.{ts,tsx}'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { regex: '^electron(/|$)', message: 'Pages reach main only through window.statusTray (the IPC contract).' },
          { regex: '^node:', message: 'Pages run sandboxed in Chromium: no Node modules.' },
          {
            regex: '^(\\.\\./)+shared/(?!ipc/contract$|domain/|presentation/|noise/|history/(types|timeline|export)$|catalog/|app/catalog-search$)',
            message: 'renderer/ imports from shared/ only ipc/contract, domain/, presentation/, noise/, the pure history views and the catalog search (docs/architecture.md).',
          },
        ],
      },
    ],
  },
};

/** The headless runner has no Electron. */
const CLI_RULE = {
  files: ['cli/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { regex: '^electron(/|$)', message: 'The CLI runs in plain Node: no electron.' },
          { regex: '^(\\.\\./)+electron/', message: 'The CLI runs in plain Node: nothing from electron/.' },
        ],
      },
    ],
  },
};

/** Files at the root of shared/ (app identity constants). */
const SHARED_ROOT_RULE = {
  files: ['shared/*.{ts,tsx}'],
  rules: { 'no-restricted-imports': ['error', { patterns: [...SHARED_COMMON, { regex: '^\\./platform/', message: NOT_PLATFORM.message }] }] },
};

export const layerConfigs = [SHARED_ROOT_RULE, ...SHARED_FOLDERS.map(folderRule), RENDERER_RULE, CLI_RULE];
