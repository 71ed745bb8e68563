/**
 * Zod without its eval-based fast path: under Cardinal's Content-Security-Policy (no 'unsafe-eval') zod's probe
 * (`new Function("")`) is refused and reported as a CSP violation. Zod reads this object when it loads and when
 * each object schema is built, so it must be set before zod itself loads: the import worker imports this module
 * first; the page gets the same setting from public/zod-jitless.js, a plain script that runs before the app's
 * module chunks (in the page's bundle, shared chunks holding zod are evaluated before the entry's own code).
 */
const scope = globalThis as { __zod_globalConfig?: Record<string, unknown> };
scope.__zod_globalConfig = { ...scope.__zod_globalConfig, jitless: true };
