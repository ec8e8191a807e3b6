/** `npm run dist` states what it needs: Node.js 22.12+, while running and testing need only 20.19. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { atLeast, distRefusal, lowestAllowed, packagingNode } from '../../../build/scripts/check-node-for-dist';
import { REPO_ROOT } from '../../support/feeds';

const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  engines: { node: string };
};

describe('Node.js versions per command', () => {
  it('dist checks the Node version before building anything', () => {
    expect(pkg.scripts.dist).toMatch(/^tsx build\/scripts\/check-node-for-dist\.ts && vite build && electron-builder /);
  });

  it('takes the packaging requirement from the installed @electron/rebuild (22.12 today), above the running one', () => {
    const need = packagingNode();
    expect(need).toBe('22.12.0');
    expect(atLeast(need, lowestAllowed(pkg.engines.node)!)).toBe(true);
  });

  it('refuses an older Node with a message that says what each command needs', () => {
    const refusal = distRefusal('20.19.0', '22.12.0');
    expect(refusal).toMatch(/needs Node\.js 22\.12\.0 or newer/);
    expect(refusal).toMatch(/this is Node\.js 20\.19\.0/);
    expect(refusal).toMatch(/Running and testing the app work on Node\.js 20\.19/);
    expect(distRefusal('22.11.9', '22.12.0')).toBeDefined();
    expect(distRefusal('22.12.0', '22.12.0')).toBeUndefined();
    expect(distRefusal('24.1.0', '22.12.0')).toBeUndefined();
  });

  it('reads >= ranges and nothing else', () => {
    expect(lowestAllowed('>=22.12.0')).toBe('22.12.0');
    expect(lowestAllowed('>= 20.19')).toBe('20.19.0');
    expect(lowestAllowed('^20 || >=22')).toBeUndefined();
    expect(atLeast('v20.20.2', '20.19.0')).toBe(true);
    expect(atLeast('20.9.0', '20.19.0')).toBe(false);
  });
});
