import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Giftdesk';

/**
 * Where the desktop app keeps its data: Electron's userData folder for the product name. Computed here too so the
 * CLI, which has no Electron, finds the same store. GIFTDESK_DATA_DIR overrides both.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.GIFTDESK_DATA_DIR) return path.resolve(env.GIFTDESK_DATA_DIR);
  const home = os.homedir();
  switch (platform) {
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', APP_NAME);
    case 'win32':
      return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
    default:
      return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME);
  }
}
