import { app, ipcMain, protocol } from 'electron';
import { runApp, failStartup } from './app-lifecycle';
import { PRIVILEGED_SCHEMES } from './app-protocol';
import { desktopOutputs } from './desktop-outputs';
import { registerAppIpc } from './ipc-register';

// Both must happen before 'ready': the scheme's privileges are fixed at startup, and sandboxing every renderer
// (including ones nobody planned for) is a process-wide switch.
protocol.registerSchemesAsPrivileged([...PRIVILEGED_SCHEMES]);
app.enableSandbox();

runApp({ registerIpc: (shell) => registerAppIpc(shell, ipcMain, desktopOutputs(shell)) }).catch(failStartup);
