# The Modelship promotion app (app/main.ts, bundled by `npm run build` into dist/app.js with its
# dependencies: Probot, Octokit, zod, yaml). The image needs no node_modules and no build step.
#   docker build -t modelship-app .
#   docker run -p 3000:3000 -e APP_ID -e PRIVATE_KEY -e WEBHOOK_SECRET -e OPS_REPOSITORY modelship-app
FROM node:24-slim

ENV NODE_ENV=production \
    PORT=3000 \
    LOG_LEVEL=info
WORKDIR /app

# Only the app's bundle and the chunks it shares with the CLI and the actions.
COPY --chown=root:root package.json ./
COPY --chown=root:root dist/app.js ./dist/app.js
COPY --chown=root:root dist/chunks ./dist/chunks

# node:24-slim ships an unprivileged `node` user; the app writes nothing to disk.
USER node
EXPOSE 3000

# /healthz answers 200 while the app takes deliveries, 503 while it drains on SIGTERM.
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# Exec form: node runs as PID 1 and gets SIGTERM itself (it drains the work in flight, then exits).
CMD ["node", "dist/app.js"]
