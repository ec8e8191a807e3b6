/**
 * The layer rules of docs/architecture.md are lint errors: an import planted where it runs up a layer fails
 * `npm run lint` (same config file, same rule), and the imports each layer is meant to use still pass.
 */
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../support/feeds';

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: REPO_ROOT, overrideConfigFile: join(REPO_ROOT, '.ci/eslint.config.js') });
});

/** Lint one planted file (it need not exist) and return the layer-rule messages. */
async function layerErrors(path: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: join(REPO_ROOT, path) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rules in the ESLint config', () => {
  it.each([
    ['the engine imports the app', 'shared/engine/planted.ts', "import { createAppController } from '../app/controller';"],
    ['the engine imports the IPC contract', 'shared/engine/http/planted.ts', "import type { Result } from '../../ipc/contract';"],
    ['the engine imports presentation', 'shared/engine/planted.ts', "import { plainText } from '../presentation/text';"],
    ['the domain imports the catalog', 'shared/domain/planted.ts', "import { CATALOG } from '../catalog/index';"],
    ['the domain imports zod', 'shared/domain/planted.ts', "import { z } from 'zod';"],
    ['a format adapter imports the engine', 'shared/formats/adapters/planted.ts', "import type { SourceState } from '../../engine/state';"],
    ['a reading helper imports the catalog', 'shared/formats/read/planted.ts', "import { CATALOG } from '../../catalog/index';"],
    ['shared code imports electron', 'shared/app/planted.ts', "import { app } from 'electron';"],
    ['shared code imports React', 'shared/presentation/planted.ts', "import { useState } from 'react';"],
    ['the app imports a Node-only adapter', 'shared/app/planted.ts', "import { createNodeFetch } from '../platform/node/node-fetch';"],
    ['presentation imports the IPC contract', 'shared/presentation/planted.ts', "import type { AppSettings } from '../ipc/contract';"],
    ['a page imports the engine', 'renderer/src/common/planted.ts', "import type { SourceSnapshot } from '../../../shared/engine/api';"],
    ['a page imports the controller', 'renderer/src/settings/planted.tsx', "import { createAppController } from '../../../shared/app/controller';"],
    ['a page imports electron', 'renderer/src/common/planted.ts', "import { ipcRenderer } from 'electron';"],
    ['the CLI imports electron glue', 'cli/planted.ts', "import { createElectronStore } from '../electron/store';"],
  ])('refuses %s', async (_label, path, source) => {
    expect(await layerErrors(path, `${source}\nexport {};\n`)).toHaveLength(1);
  });

  it.each([
    ['the engine imports the domain and the formats', 'shared/engine/planted.ts', "import type { SourceConfig } from '../domain/source';\nimport { parseDocument } from '../formats/registry';"],
    ['an adapter imports reading helpers and the domain', 'shared/formats/adapters/planted.ts', "import { parseXml } from '../read/xml';\nimport type { Incident } from '../../domain/types';"],
    ['the app imports the engine and the contract', 'shared/app/planted.ts', "import type { Engine } from '../engine/api';\nimport { fail } from '../ipc/contract';"],
    ['a Node adapter imports the engine ports', 'shared/platform/node/planted.ts', "import type { FetchPort } from '../../engine/ports';"],
    ['a page imports the contract, the domain and the catalog search', 'renderer/src/settings/planted.tsx', "import type { Result } from '../../../shared/ipc/contract';\nimport { sourceKey } from '../../../shared/domain/source-key';\nimport { searchServices } from '../../../shared/app/catalog-search';"],
    ['the CLI imports a Node adapter', 'cli/planted.ts', "import { createNodeFetch } from '../shared/platform/node/node-fetch';"],
  ])('allows %s', async (_label, path, source) => {
    expect(await layerErrors(path, `${source}\nexport {};\n`)).toEqual([]);
  });
});
