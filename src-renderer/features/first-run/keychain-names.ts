/** Electron's safeStorage backend names, as people know them. Unknown names are shown as they are. */
const FRIENDLY: Record<string, string> = {
  keychain: 'macOS Keychain',
  dpapi: 'Windows Data Protection',
  gnome_libsecret: 'GNOME Keyring',
  kwallet: 'KDE Wallet',
  kwallet5: 'KDE Wallet',
  kwallet6: 'KDE Wallet',
};

export function keychainName(backend: string | null): string {
  if (!backend) return 'the system keychain';
  return FRIENDLY[backend] ?? backend;
}
