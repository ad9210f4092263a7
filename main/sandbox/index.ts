export { startSandbox, DEFAULT_PROCESSING } from './start-sandbox';
export { readSandboxIdentity } from './state-store';
export type { ProcessingConfig, SandboxFaults, SandboxHandle, SandboxOptions, SandboxStats } from './types';
