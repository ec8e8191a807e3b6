/** Keyboard movement shared by the tab strip and the source list (WAI-ARIA roving focus). */

/**
 * Where a key moves the focus in a list of `count` items from `index`: the next or previous item (wrapping;
 * down and right are next), the first (Home) or the last (End). `undefined` for any other key or an empty list.
 */
export function nextIndex(key: string, index: number, count: number): number | undefined {
  if (count <= 0) return undefined;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return (index + 1) % count;
    case 'ArrowLeft':
    case 'ArrowUp':
      return (index - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}
