import type { ApplicationFunction } from 'probot';
import { systemClock } from '../platform/clock.js';
import { readAppContext } from '../platform/context/app-context.js';
import { createAppDependencies } from './app-dependencies.js';
import { modelshipApp } from './modelship-app.js';

/**
 * `probot run ./app/index.js`: Probot reads APP_ID, PRIVATE_KEY and WEBHOOK_SECRET and serves the
 * webhooks; the app's own settings come from the same environment. The plain entry (main.ts) is
 * what the Dockerfile runs: it adds the health endpoint and drains on SIGTERM.
 */
const app: ApplicationFunction = (probot, options) => {
  const context = readAppContext();
  return modelshipApp(
    createAppDependencies({
      appId: context.appId,
      privateKey: context.privateKey,
      apiUrl: context.apiUrl,
      opsRepository: context.opsRepository,
      pacing: context.pacing,
      clock: systemClock,
      log: probot.log,
    }),
  )(probot, options);
};

export default app;
