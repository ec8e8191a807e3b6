/**
 * What saving a typed display name stores: '' (no override, so the page's own name shows and follows the
 * page if it renames itself) for an empty name or exactly the page's own name, else the trimmed text.
 */
export function overrideFor(draft: string, pageName: string): string {
  const name = draft.trim();
  return name === pageName ? '' : name;
}
