import { useId, useState } from 'react';

/**
 * A secret input that never shows a stored value: when main holds one, the field reads "Saved" with a
 * Replace button; only what the user types now is sent (once) to main. Empty means "keep the stored one".
 */
export function SecretField({
  label,
  stored,
  value,
  onChange,
  type = 'password',
  help,
  invalid,
}: {
  label: string;
  stored: boolean;
  value: string;
  onChange: (value: string) => void;
  type?: 'password' | 'url';
  help?: string;
  invalid?: boolean;
}) {
  const id = useId();
  const [replacing, setReplacing] = useState(!stored);
  if (stored && !replacing) {
    return (
      <div className="field">
        <span id={id}>{label}</span>
        <div className="row">
          <span className="secret-saved" aria-labelledby={id}>
            Saved in the system keychain
          </span>
          <button type="button" className="link-button" onClick={() => setReplacing(true)} aria-label={`Replace ${label}`}>
            Replace
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="row">
        <input
          id={id}
          // A password field even for URLs: the webhook URL's path is the credential, so keep it off screen.
          type="password"
          inputMode={type === 'url' ? 'url' : undefined}
          autoComplete="off"
          spellCheck={false}
          value={value}
          aria-invalid={invalid ? 'true' : undefined}
          placeholder={stored ? 'Leave empty to keep the saved one' : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
        {stored && (
          <button
            type="button"
            className="link-button"
            onClick={() => {
              onChange('');
              setReplacing(false);
            }}
          >
            Keep saved
          </button>
        )}
      </div>
      {help && <p className="muted help">{help}</p>}
    </div>
  );
}
