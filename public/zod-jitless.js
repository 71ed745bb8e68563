// Zod without its eval-based fast path (see src/domain/zodConfig.ts): set before the app's modules load.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
