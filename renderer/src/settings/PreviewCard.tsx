import { describeFilter } from '../../../shared/app/catalog-search';
import type { SourcePreview } from '../../../shared/ipc/contract';
import { HealthBadge } from '../common/HealthBadge';
import { FORMAT_LABEL } from '../common/labels';

/**
 * What discovery found: provider, health (narrowed to the catalog entry's filter, if any), format, how it was
 * found, the catalog entry it matched and the URL that will be checked.
 */
export function PreviewCard({ preview }: { preview: SourcePreview }) {
  const narrowed = describeFilter(preview.catalog?.filter);
  return (
    <dl className="preview-card" aria-label="Preview">
      <dt>Provider</dt>
      <dd className="preview-provider">{preview.provider}</dd>
      <dt>Health</dt>
      <dd>
        <HealthBadge health={preview.health} />
        {preview.activeIncidents > 0 && (
          <> · {preview.activeIncidents === 1 ? '1 active incident' : `${preview.activeIncidents} active incidents`}</>
        )}
      </dd>
      <dt>Format</dt>
      <dd>{FORMAT_LABEL[preview.format]}</dd>
      <dt>Found via</dt>
      <dd className="preview-found-via">{preview.foundVia}</dd>
      {preview.catalog && (
        <>
          <dt>Catalog</dt>
          <dd className="preview-catalog">{preview.catalog.name}</dd>
        </>
      )}
      {narrowed && (
        <>
          <dt>Only</dt>
          <dd className="preview-filter">{narrowed}</dd>
        </>
      )}
      <dt>Will check</dt>
      <dd className="preview-url">{preview.sourceUrl}</dd>
    </dl>
  );
}
