/** The sandbox: Mailstand's API on a seeded SQLite database, for demos, development and tests. */
export { createSandboxApi } from './api';
export type { SandboxApiOptions } from './api';
export { openSandboxDatabase } from './database';
export type { SandboxDatabase } from './database';
export { parseRateLimit } from './rate-limit';
export type { RateLimit } from './rate-limit';

/** The fixed key of the embedded sandbox; it guards nothing but demo data. */
export const SANDBOX_API_KEY = 'key_sandbox_demo_0000000000000000';
