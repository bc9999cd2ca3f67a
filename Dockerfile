# promo-sandbox: docker build -t promo-sandbox . && docker run --rm -p 8787:8787 promo-sandbox

# --- build: install every dependency, compile and bundle, then drop the dev dependencies ---
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: `prepare` (= the build) cannot run yet, the sources are not copied; keeping this
# layer to the manifest lets Docker reuse it until the lockfile changes.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
# tsc to dist/src, then esbuild bundles the CLI into dist/src/promo-sandbox.mjs (both devDependencies).
RUN npm run build
# --ignore-scripts: after pruning, tsc and esbuild are gone, so `prepare` must not run again.
RUN npm prune --omit=dev --ignore-scripts --no-audit --no-fund

# --- runtime: compiled output and production dependencies only, as the unprivileged `node` user ---
FROM node:20-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# A writable place for `--state-file /data/state.json`; the app itself stays read-only.
RUN mkdir /data && chown node:node /data
USER node
EXPOSE 8787
# node:20-slim has no curl: ask with node's own fetch.
HEALTHCHECK --interval=15s --timeout=3s --start-period=5s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:8787/__sandbox/health').then((r) => process.exit(r.status === 200 ? 0 : 1), () => process.exit(1))"]
# Exec form: node is PID 1 and gets SIGTERM itself (the CLI closes the server on it). The bundled
# entry is package.json's `bin` (dist/src/cli.js works too, but starts ~100 ms slower). Inside the
# container the server must bind 0.0.0.0 to be reachable through a published port.
CMD ["node", "dist/src/promo-sandbox.mjs", "--host", "0.0.0.0"]
