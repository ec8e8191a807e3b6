#!/usr/bin/env node
// Runs @doyensec/electronegativity (the Electron security checklist as static checks) over electron/ and
// exits 1 when any HIGH-severity finding remains, printing each one. The tool itself always exits 0.
//   node .ci/electronegativity.mjs [dir]   (default: electron)
//
// Offline on purpose: the tool fetches translations from a remote bucket on every run, and one global check
// (AvailableSecurityFixesGlobalCheck) downloads Electron's release list. That check is excluded (Electron
// upgrades are Dependabot's/the lead's business), and the tool's HTTP client (`got`) is replaced in the
// module cache by a stub that fails at once, so the run never leaves this machine; the tool then falls back
// to its bundled en-US messages.
import { createRequire, Module } from 'node:module';
import { resolve } from 'node:path';

const require = createRequire(import.meta.url);
const runnerPath = require.resolve('@doyensec/electronegativity/dist/runner.js');
const i18nRequire = createRequire(resolve(runnerPath, '../locales/i18n.js'));
const refuse = () => Promise.reject(new Error('offline: electronegativity may not fetch anything'));
const gotStub = Object.assign(refuse, { get: refuse, head: refuse });
const checksRequire = createRequire(resolve(runnerPath, '../finder/checks/GlobalChecks/AvailableSecurityFixesGlobalCheck.js'));
for (const gotPath of new Set([i18nRequire.resolve('got'), checksRequire.resolve('got')])) {
  const offline = new Module(gotPath);
  offline.exports = gotStub;
  offline.loaded = true;
  require.cache[gotPath] = offline;
}
const electronVersion = require('electron/package.json').version;

const input = resolve(process.argv[2] ?? 'electron');
const originalLog = console.log;
// The tool logs a line about the failed translation fetch; keep CI output to the findings.
console.log = (...args) => {
  if (!String(args[0]).startsWith('Could not retrieve updated translations')) originalLog(...args);
};
const run = require(runnerPath);
let result;
try {
  result = await run({ input, isRelative: true, parserPlugins: [], electronVersionOverride: electronVersion, excludeFromScan: ['AvailableSecurityFixesGlobalCheck'] });
} finally {
  console.log = originalLog;
}

const issues = result.issues ?? [];
const parseErrors = (result.errors ?? []).filter((e) => !e.tolerable);
const high = issues.filter((i) => i.severity?.name === 'HIGH' || i.severity?.name === 'CRITICAL');
const summary = {};
for (const i of issues) summary[i.severity?.name ?? '?'] = (summary[i.severity?.name ?? '?'] ?? 0) + 1;
console.log(`electronegativity (Electron ${electronVersion}): ${result.globalChecks} global + ${result.atomicChecks} atomic checks over ${input}; findings by severity: ${JSON.stringify(summary)}`);
for (const i of issues.filter((x) => !high.includes(x))) console.log(`  ${i.severity?.name} ${i.id} ${i.file}:${i.location?.line ?? '?'}`);
for (const e of parseErrors) console.error(`could not parse ${e.file}: ${e.message}`);
for (const i of high) {
  console.error(`${i.severity.name} ${i.id} ${i.file}:${i.location?.line ?? '?'}:${i.location?.column ?? '?'} — ${i.description}\n    ${String(i.sample ?? '').split('\n')[0]}`);
}
if (high.length > 0 || parseErrors.length > 0) {
  console.error(`electronegativity: ${high.length} HIGH finding(s), ${parseErrors.length} unparsed file(s)`);
  process.exit(1);
}
