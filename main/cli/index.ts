// The headless entry: `npm run -s cli -- [--data-dir DIR] [--json] COMMAND`. Same core as the desktop app.
import { runCliProcess } from './cli-process';

await runCliProcess();
