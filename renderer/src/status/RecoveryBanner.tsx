/**
 * Shown when the state store had to recover from a damaged file (EngineSnapshot.recoveryNotice): the user
 * should know that incidents seen before may be listed again without notifications.
 */
export function RecoveryBanner({ message }: { message: string }) {
  return (
    <div className="banner banner-warning" role="status">
      <strong>Saved state was repaired.</strong> {message} Status Tray re-read every status page quietly; no
      incidents were announced twice.
    </div>
  );
}
