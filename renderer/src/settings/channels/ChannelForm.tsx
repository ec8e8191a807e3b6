import { useId, useState, type FormEvent } from 'react';
import type { ChannelSecrets, ChannelView, IpcError, SourceSettings } from '../../../../shared/ipc/contract';
import { useApi } from '../../common/api';
import { FormFooter } from '../FormFooter';
import { draftToChannel, KIND_LABELS, MIN_IMPACT_LABELS, type ChannelDraft } from './channel-draft';
import { SecretField } from './SecretField';

/**
 * Add or edit one alert channel: kind, name, the kind's own fields, secrets (sent once to main, never shown
 * again) and the filter (providers, least impact, maintenance). Saving goes through `saveChannel`; problems
 * are shown beside the form and nothing is saved.
 */
export function ChannelForm({
  initial,
  storedSecrets,
  isNew,
  sources,
  nameOf,
  onSaved,
  onCancel,
}: {
  initial: ChannelDraft;
  storedSecrets: readonly (keyof ChannelSecrets)[];
  isNew: boolean;
  sources: readonly SourceSettings[];
  nameOf: (sourceId: string) => string;
  onSaved: (view: ChannelView) => void;
  onCancel: () => void;
}) {
  const api = useApi();
  const ids = { kind: useId(), name: useId(), url: useId(), host: useId(), port: useId(), security: useId(), username: useId(), from: useId(), to: useId(), impact: useId(), maint: useId(), enabled: useId() };
  const [d, setD] = useState(initial);
  const [problem, setProblem] = useState<{ error: string; field: keyof ChannelDraft } | undefined>();
  const [error, setError] = useState<IpcError | undefined>();
  const [pending, setPending] = useState(false);
  const set = (patch: Partial<ChannelDraft>) => {
    setD((old) => ({ ...old, ...patch }));
    setProblem(undefined);
  };
  const stored = (key: keyof ChannelSecrets) => !isNew && initial.kind === d.kind && storedSecrets.includes(key);
  const invalid = (field: keyof ChannelDraft) => (problem?.field === field ? 'true' : undefined);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const built = draftToChannel(d, isNew || initial.kind !== d.kind ? [] : storedSecrets);
    if ('error' in built) {
      setProblem(built);
      return;
    }
    setPending(true);
    setError(undefined);
    try {
      const r = await api.saveChannel(built.channel, built.secrets);
      if (r.ok) onSaved(r.value);
      else setError(r.error);
    } catch (err) {
      setError({ code: 'internal', message: err instanceof Error ? err.message : String(err) });
    } finally {
      setPending(false);
    }
  }

  const chat = d.kind === 'slack' || d.kind === 'discord' || d.kind === 'teams';
  return (
    <form className="channel-form" aria-label={isNew ? 'New alert channel' : `Edit ${d.name || 'channel'}`} onSubmit={(e) => void onSubmit(e)} noValidate>
      <div className="channel-fields">
        <div className="field">
          <label htmlFor={ids.kind}>Kind</label>
          <select id={ids.kind} value={d.kind} disabled={!isNew} onChange={(e) => set({ kind: e.target.value as ChannelDraft['kind'] })}>
            {KIND_LABELS.map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.name}>Name</label>
          <input id={ids.name} type="text" value={d.name} maxLength={100} placeholder="e.g. #incidents" aria-invalid={invalid('name')} onChange={(e) => set({ name: e.target.value })} />
        </div>
      </div>

      {chat && (
        <SecretField
          label="Webhook URL"
          type="url"
          stored={stored('url')}
          value={d.secretUrl}
          invalid={invalid('secretUrl') !== undefined}
          onChange={(v) => set({ secretUrl: v })}
          help={
            d.kind === 'slack'
              ? 'Slack: an incoming webhook of your Slack app (https://hooks.slack.com/services/…).'
              : d.kind === 'discord'
                ? 'Discord: channel settings → Integrations → Webhooks → Copy Webhook URL.'
                : 'Teams: a Workflows “Post to a channel when a webhook request is received” URL.'
          }
        />
      )}
      {d.kind === 'webhook' && (
        <>
          <div className="field">
            <label htmlFor={ids.url}>Receiver URL</label>
            <input id={ids.url} type="url" value={d.url} placeholder="https://ops.example.com/hooks/status" aria-invalid={invalid('url')} onChange={(e) => set({ url: e.target.value })} />
          </div>
          <SecretField
            label="Signing secret (optional)"
            stored={stored('signingSecret')}
            value={d.signingSecret}
            onChange={(v) => set({ signingSecret: v })}
            help="Signs each body: X-Status-Tray-Signature: sha256=HMAC-SHA256(secret, body)."
          />
        </>
      )}
      {d.kind === 'email' && (
        <div className="channel-fields">
          <div className="field">
            <label htmlFor={ids.host}>SMTP host</label>
            <input id={ids.host} type="text" value={d.host} placeholder="smtp.example.com" aria-invalid={invalid('host')} onChange={(e) => set({ host: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={ids.port}>Port</label>
            <input id={ids.port} type="number" min={1} max={65535} value={d.port} placeholder={d.security === 'tls' ? '465' : d.security === 'starttls' ? '587' : '25'} aria-invalid={invalid('port')} onChange={(e) => set({ port: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={ids.security}>Security</label>
            <select id={ids.security} value={d.security} onChange={(e) => set({ security: e.target.value as ChannelDraft['security'] })}>
              <option value="starttls">STARTTLS (required)</option>
              <option value="tls">TLS from the start</option>
              <option value="none">None (local relay only)</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.username}>User name (optional)</label>
            <input id={ids.username} type="text" autoComplete="off" value={d.username} onChange={(e) => set({ username: e.target.value })} />
          </div>
          {d.username.trim() && <SecretField label="Password" stored={stored('password')} value={d.password} onChange={(v) => set({ password: v })} />}
          <div className="field">
            <label htmlFor={ids.from}>From</label>
            <input id={ids.from} type="email" value={d.from} placeholder="alerts@example.com" aria-invalid={invalid('from')} onChange={(e) => set({ from: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={ids.to}>To (comma-separated)</label>
            <input id={ids.to} type="text" value={d.to} placeholder="oncall@example.com" aria-invalid={invalid('to')} onChange={(e) => set({ to: e.target.value })} />
          </div>
        </div>
      )}

      <fieldset className="channel-filter">
        <legend>Which alerts</legend>
        <div className="field">
          <label htmlFor={ids.impact}>Least impact</label>
          <select id={ids.impact} value={d.minImpact} onChange={(e) => set({ minImpact: e.target.value as ChannelDraft['minImpact'] })}>
            {MIN_IMPACT_LABELS.map(([m, label]) => (
              <option key={m} value={m}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field-inline">
          <input id={ids.maint} type="checkbox" checked={d.includeMaintenance} onChange={(e) => set({ includeMaintenance: e.target.checked })} />
          <label htmlFor={ids.maint}>Include scheduled maintenance</label>
        </div>
        {sources.length > 0 && (
          <fieldset className="channel-providers">
            <legend>Providers (none ticked: all of them)</legend>
            {sources.map((s) => (
              <label key={s.id} className="day">
                <input
                  type="checkbox"
                  checked={d.providers.includes(s.id)}
                  onChange={(e) => set({ providers: e.target.checked ? [...d.providers, s.id] : d.providers.filter((p) => p !== s.id) })}
                />
                {nameOf(s.id)}
              </label>
            ))}
          </fieldset>
        )}
        <div className="field-inline">
          <input id={ids.enabled} type="checkbox" checked={d.enabled} onChange={(e) => set({ enabled: e.target.checked })} />
          <label htmlFor={ids.enabled}>Send alerts to this channel</label>
        </div>
      </fieldset>

      <FormFooter problem={problem?.error} submitLabel={isNew ? 'Add channel' : 'Save channel'} pending={pending} onCancel={onCancel} error={error} onDismissError={() => setError(undefined)} />
    </form>
  );
}
