/**
 * What `npm start` prints: the build's file list, chunk-size advice and plugin timings are for developers
 * (`npm run build` still shows them) and read like errors to someone who only wants to open the app, so the start
 * logger keeps only errors and the address. A busy port gets one line saying how to choose another.
 * Used by vite.config.ts (it lives here because the repository's top level is fixed).
 */
import { createServer } from 'node:net';
import { createLogger, type Logger, type Plugin } from 'vite';

/** Vite's logger, keeping errors and the lines that give the address ("➜  Local:   http://…"). */
export function startLogger(): Logger {
  const logger = createLogger('info');
  return {
    ...logger,
    info: (message, options) => {
      if (/https?:\/\//.test(message)) logger.info(message, options);
    },
    warn: () => {},
    warnOnce: () => {},
  };
}

/** True when nothing can listen on `port` at `host` right now. */
function portInUse(port: number, host: string | undefined): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(true));
    probe.once('listening', () => probe.close(() => resolve(false)));
    probe.listen(port, host);
  });
}

/**
 * Before the preview server listens on a fixed port (strictPort), checks the port and, when it is taken, prints
 * one line with the fix and exits, instead of Vite's stack trace.
 */
export function busyPortMessage(): Plugin {
  return {
    name: 'cardinal:busy-port-message',
    async configurePreviewServer(server) {
      const { port, strictPort, host } = server.config.preview;
      if (!port || !strictPort) return;
      if (await portInUse(port, typeof host === 'string' ? host : undefined)) {
        const other = port === 4500 ? 4501 : 4500;
        process.stderr.write(
          `Port ${port} is already in use (is Cardinal already running?). Start on another port: npm start -- --port ${other}\n`,
        );
        process.exit(1);
      }
    },
  };
}
