# promo-sandbox: docker build -t promo-sandbox . && docker run --rm -p 8787:8787 promo-sandbox [flags...]
# (flags append: docker run --rm -p 8787:8787 promo-sandbox --seed ci --rate-limits off)

# --- build: install every dependency, compile and bundle, then drop the dev dependencies ---
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: no lifecycle script runs before the sources are here (the build is its own step
# below); keeping this layer to the manifest lets Docker reuse it until the lockfile changes.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
# scripts/build.mjs: tsc to dist/src (with the container's healthcheck, dist/src/healthcheck.js), then
# esbuild bundles the CLI into dist/src/promo-sandbox.mjs (both devDependencies).
RUN npm run build
# --ignore-scripts: after pruning, tsc and esbuild are gone, so no script may try to build again.
RUN npm prune --omit=dev --ignore-scripts --no-audit --no-fund

# --- runtime: compiled output and production dependencies only, as the unprivileged `node` user ---
FROM node:20-slim
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# Every start flag also reads PROMO_SANDBOX_<FLAG> (`promo-sandbox --help` lists them; the flag wins).
# The container's defaults are variables, not CMD flags: arguments given to `docker run` replace CMD,
# so a default kept there would be lost as soon as one flag is added. Inside the container the server
# must bind 0.0.0.0 to be reachable through a published port. To move the port, set PROMO_SANDBOX_PORT
# (`-e PROMO_SANDBOX_PORT=9000 -p 9000:9000`): the healthcheck reads it; it cannot see a --port flag.
ENV NODE_ENV=production \
    PROMO_SANDBOX_HOST=0.0.0.0 \
    PROMO_SANDBOX_PORT=8787
# A writable place for the state file (`-e PROMO_SANDBOX_STATE_FILE=/data/state.json` or
# `--state-file /data/state.json`, with `-v promo-sandbox-data:/data` to keep it); the app stays
# read-only. Created and handed to `node` before VOLUME, which freezes the folder's contents.
RUN mkdir /data && chown node:node /data
VOLUME /data
USER node
EXPOSE 8787
# Asks GET /__sandbox/health at PROMO_SANDBOX_PORT (default 8787) with node's own fetch (node:20-slim
# has no curl), from a small module rather than the whole bundle.
HEALTHCHECK --interval=15s --timeout=3s --start-period=5s --retries=3 \
  CMD ["node", "dist/src/healthcheck.js"]
# Exec form: node is PID 1 and gets SIGTERM itself (the CLI closes the server on it). The bundled
# entry is package.json's `bin`. Arguments to `docker run` replace CMD and follow the ENTRYPOINT:
# `docker run promo-sandbox --seed x` starts with --seed x, `docker run promo-sandbox --help` prints help.
ENTRYPOINT ["node", "dist/src/promo-sandbox.mjs"]
CMD ["start"]
