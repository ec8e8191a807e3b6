import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import Ajv from 'ajv';
import { DebugLogger } from 'builder-util';
import type { Configuration } from 'app-builder-lib';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { readEffectiveConfig, readRawConfig } from './builder-config';

// The JSON schema electron-builder ships and validates against (app-builder-lib is electron-builder's engine).
const require = createRequire(import.meta.url);
const schemaPath = path.join(path.dirname(require.resolve('app-builder-lib/package.json')), 'scheme.json');
const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as object;

// Same Ajv options electron-builder uses (strict off: the schema carries non-standard keywords), minus type
// coercion, so a quoted number or a string where a list belongs is reported rather than silently fixed.
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

function schemaErrors(config: unknown): string[] {
  return validate(config) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

describe('electron-builder.yml against electron-builder’s configuration schema', () => {
  it('is valid as written', async () => {
    expect(schemaErrors(await readRawConfig())).toEqual([]);
  });

  it('passes electron-builder’s own validation, the check its CLI runs before building', async () => {
    await expect(validateConfiguration(await readEffectiveConfig(), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('would catch a misspelt or misplaced option (the validator is really checking)', async () => {
    const raw = await readRawConfig();
    const mac = raw.mac as Record<string, unknown>;
    expect(schemaErrors({ ...raw, mac: { ...mac, hardendRuntime: true } })).not.toEqual([]);
    expect(schemaErrors({ ...raw, LSUIElement: true })).not.toEqual([]);
    const broken = { ...(await readEffectiveConfig()), nsis: { oneClick: 'sometimes' } } as unknown as Configuration;
    await expect(validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(/Invalid configuration/);
  });
});
