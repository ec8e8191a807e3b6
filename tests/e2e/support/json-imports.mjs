// Node module hook for the e2e run: treat `import data from './x.json'` as a JSON module, as Vite, Vitest,
// tsx and TypeScript's moduleResolution "bundler" do. shared/catalog/index.ts imports catalog.json without
// `with { type: 'json' }`, which Node's own ESM loader (used by Playwright's test runner) refuses.
// Registered from playwright.config.ts, which both the runner and its workers load first.

/** Resolve as usual; a .json module without an import attribute gets `type: 'json'`. */
export async function resolve(specifier, context, nextResolve) {
  const result = await nextResolve(specifier, context);
  const attributes = context.importAttributes ?? {};
  if (new URL(result.url).pathname.endsWith('.json') && attributes.type === undefined) {
    return { ...result, importAttributes: { ...attributes, type: 'json' } };
  }
  return result;
}
