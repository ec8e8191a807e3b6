import type { SourcePreview } from '../../../shared/ipc/contract';
import { HealthBadge } from '../common/HealthBadge';
import { FORMAT_LABEL } from '../common/labels';

/** What a preview fetch found: provider, format, health, open incidents, how it was found and the URL to poll. */
export function PreviewCard({ preview }: { preview: SourcePreview }) {
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
      <dd>{preview.foundVia}</dd>
      <dt>Will check</dt>
      <dd className="preview-url">{preview.sourceUrl}</dd>
    </dl>
  );
}
