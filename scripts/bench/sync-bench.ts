/** Sync cost figures; filled in once the emulator serves the demo scenario. */
export async function measureSync(log: (line: string) => void): Promise<Record<string, number>> {
  log('');
  return {};
}
