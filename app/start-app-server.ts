import { createServer, type Server } from 'node:http';
import { createNodeMiddleware, Probot, type Logger } from 'probot';
import { modelshipApp, type AppDependencies } from './modelship-app.js';

export interface AppServerOptions {
  appId: string;
  privateKey: string;
  webhookSecret: string;
  /** The API root: api.github.com, GitHub Enterprise Server, or a test's stand-in. */
  apiUrl: string;
  port: number;
  host: string;
  webhookPath: string;
  log: Logger;
  dependencies: AppDependencies;
}

export interface AppServer {
  /** `http://host:port` */
  url: string;
  webhookUrl: string;
  server: Server;
  /** Stops taking deliveries (health answers 503), waits for the work in flight, closes the server. */
  close(): Promise<void>;
}

/**
 * The app on a plain Node HTTP server: Probot's middleware at the webhook path (it verifies the
 * signature — a missing or wrong one is answered 400 and runs nothing), and `GET /healthz` for the
 * load balancer and the container's HEALTHCHECK.
 */
export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
  const probot = new Probot({
    appId: options.appId,
    privateKey: options.privateKey,
    secret: options.webhookSecret,
    baseUrl: options.apiUrl,
    log: options.log,
  });
  const middleware = await createNodeMiddleware(modelshipApp(options.dependencies), {
    probot,
    webhooksPath: options.webhookPath,
  });
  let draining = false;
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/healthz') {
      const status = draining ? 503 : 200;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: !draining, inFlight: options.dependencies.queue.size }));
      return;
    }
    void middleware(req, res, () => {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
    });
  });
  // Behind a load balancer keeping connections alive longer than Node's default 5 s.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port, options.host, () => ok());
  });
  const { port } = server.address() as { port: number };
  const host = options.host === '0.0.0.0' ? '127.0.0.1' : options.host;
  const url = `http://${host}:${port}`;
  return {
    url,
    webhookUrl: `${url}${options.webhookPath}`,
    server,
    async close() {
      draining = true;
      const closed = new Promise<void>((ok) => server.close(() => ok()));
      server.closeIdleConnections();
      await options.dependencies.queue.drain();
      server.closeAllConnections();
      await closed;
    },
  };
}
