import path from 'node:path';

/** GIFTDESK_DATA_DIR wins over Electron's userData folder, as it does for the CLI (main/core/data-dir.ts). */
export function resolveDataDir(env: NodeJS.ProcessEnv, userDataPath: string): string {
  return env.GIFTDESK_DATA_DIR ? path.resolve(env.GIFTDESK_DATA_DIR) : userDataPath;
}
