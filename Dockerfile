# The StoreVoice collector as a container: the `storevoice-collector` package, built from this
# repository and installed alone, run as a non-root user. See docs/collector.md ("Deployment").
#
#   docker build -t storevoice-collector .
#   docker run -p 8787:8787 -v storevoice-data:/data storevoice-collector                  # PGlite in /data
#   docker run -p 8787:8787 -e DATABASE_URL=postgres://… storevoice-collector              # PostgreSQL
#   docker run -e DATABASE_URL=postgres://… storevoice-collector migrate                   # migrate only

# 1. Build: the whole toolchain, used once to compile the collector and pack it.
FROM node:20-bookworm-slim AS build
WORKDIR /src
# Test browsers are never needed to build.
ENV PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build:collector \
 && cd packages/collector/dist \
 && npm pack --pack-destination /src/packed

# 2. Run: the packed package installed alone (runtime dependencies only), nothing of the toolchain.
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8787 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=build /src/packed/ /tmp/packed/
RUN echo '{"name":"storevoice-collector-container","private":true}' > package.json \
 && npm install --omit=dev --no-audit --no-fund /tmp/packed/storevoice-collector-*.tgz \
 && npm cache clean --force \
 && rm -rf /tmp/packed \
 && mkdir -p /data \
 && chown node:node /data
USER node
VOLUME /data
EXPOSE 8787
# Ready means the database answers (GET /readyz runs SELECT 1): an orchestrator stops routing here when it does not.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 8787) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
ENTRYPOINT ["node", "/app/node_modules/storevoice-collector/bin/storevoice-collector.js"]
CMD ["start"]
