import { isUserError } from '../core/errors.js';
import { systemClock } from '../platform/clock.js';
import { readAppContext } from '../platform/context/app-context.js';
import { createAppDependencies } from './app-dependencies.js';
import { createAppLog } from './app-log.js';
import { startAppServer } from './start-app-server.js';

/**
 * The app as a plain Node server (the Dockerfile's command): Probot's webhook middleware, a health
 * endpoint, and on SIGTERM (a rolling deploy, a scale-down) no new deliveries while the commands in
 * flight finish, so none is cut between its ops commit and its reply.
 */
async function main(): Promise<void> {
  const context = readAppContext();
  const log = createAppLog({ level: context.logLevel, write: (line) => process.stdout.write(line) });
  const dependencies = createAppDependencies({
    appId: context.appId,
    privateKey: context.privateKey,
    apiUrl: context.apiUrl,
    opsRepository: context.opsRepository,
    pacing: context.pacing,
    clock: systemClock,
    log,
  });
  const server = await startAppServer({ ...context, log, dependencies });
  log.info({ url: server.url, webhookPath: context.webhookPath }, 'modelship app listening');
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal, inFlight: dependencies.queue.size }, 'draining');
    void server.close().then(() => {
      log.info('stopped');
      process.exit(0);
    });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    isUserError(error)
      ? `modelship app: ${error.message}\n`
      : `modelship app failed to start: ${String(error)}\n`,
  );
  process.exit(isUserError(error) ? 2 : 1);
});
