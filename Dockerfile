# syntax=docker/dockerfile:1
# Node 22 LTS (the code supports Node 20.19 and later, see package.json engines).
# One image recipe for every Jol process. The agency subgraphs and the gateway differ only in
# the workspace they build and the port they listen on, so docker-compose.yml passes both as args
# and builds the default (last) target:
#   docker build --build-arg PACKAGE_DIR=services/labour --build-arg PORT=4002 .
# The production jobs (indicator refresh, audit verify and checkpoint) are the `jobs` target:
#   docker build --target jobs .
#   docker run ... node jobs/dist/stats-refresh-main.js --agency labour   (MONGODB_DB=jol_labour)

FROM node:22-bookworm-slim AS deps
WORKDIR /app
# Manifests first: the dependency layer is rebuilt only when a manifest or the lockfile changes.
# npm ci needs every workspace's manifest to match the lockfile, not only the one being built.
COPY package.json package-lock.json .npmrc tsconfig.json ./
COPY schema/package.json schema/
COPY kernel/package.json kernel/
COPY statistics/package.json statistics/
COPY services/migration/package.json services/migration/
COPY services/labour/package.json services/labour/
COPY services/health/package.json services/health/
COPY services/pensions/package.json services/pensions/
COPY services/consular/package.json services/consular/
COPY gateway/package.json gateway/
COPY client/package.json client/
COPY jobs/package.json jobs/
COPY tools/package.json tools/
COPY test/package.json test/
RUN --mount=type=cache,target=/root/.npm npm ci --workspaces --include-workspace-root

FROM deps AS builder
ARG PACKAGE_DIR
RUN test -n "${PACKAGE_DIR}" || (echo "PACKAGE_DIR must name a workspace, e.g. services/migration or gateway" >&2; exit 1)
# The kernel, the statistics engine and the graph's contract (the register, and the committed
# supergraph the gateway serves) travel with every package; tsc -b follows the project
# references, so they are built before the package.
COPY schema/ schema/
COPY kernel/ kernel/
COPY statistics/ statistics/
COPY ${PACKAGE_DIR}/ ${PACKAGE_DIR}/
# The gateway also bundles GraphiQL's and the dashboard's assets, so they work without internet.
RUN npx tsc -b "${PACKAGE_DIR}" \
 && if [ "${PACKAGE_DIR}" = gateway ]; then npm run build:pages -w gateway; fi \
 && npm prune --omit=dev

# The jobs read each agency's records through that agency's own models and cube builder, so they
# are built with the services' code (never with their databases: each job is given one).
FROM deps AS jobs-builder
COPY schema/ schema/
COPY kernel/ kernel/
COPY statistics/ statistics/
COPY services/ services/
COPY jobs/ jobs/
RUN npx tsc -b jobs && npm prune --omit=dev

FROM node:22-bookworm-slim AS jobs
ENV NODE_ENV=production
WORKDIR /app
COPY --from=jobs-builder /app/node_modules ./node_modules
COPY --from=jobs-builder /app/package.json ./package.json
COPY --from=jobs-builder /app/schema/package.json ./schema/package.json
COPY --from=jobs-builder /app/schema/dist ./schema/dist
COPY --from=jobs-builder /app/kernel/package.json ./kernel/package.json
COPY --from=jobs-builder /app/kernel/node_modules ./kernel/node_modules
COPY --from=jobs-builder /app/kernel/dist ./kernel/dist
COPY --from=jobs-builder /app/statistics/package.json ./statistics/package.json
COPY --from=jobs-builder /app/statistics/node_modules ./statistics/node_modules
COPY --from=jobs-builder /app/statistics/dist ./statistics/dist
COPY --from=jobs-builder /app/services/migration/package.json ./services/migration/package.json
COPY --from=jobs-builder /app/services/migration/dist ./services/migration/dist
COPY --from=jobs-builder /app/services/labour/package.json ./services/labour/package.json
COPY --from=jobs-builder /app/services/labour/dist ./services/labour/dist
COPY --from=jobs-builder /app/services/health/package.json ./services/health/package.json
COPY --from=jobs-builder /app/services/health/dist ./services/health/dist
COPY --from=jobs-builder /app/services/pensions/package.json ./services/pensions/package.json
COPY --from=jobs-builder /app/services/pensions/dist ./services/pensions/dist
COPY --from=jobs-builder /app/services/consular/package.json ./services/consular/package.json
COPY --from=jobs-builder /app/services/consular/dist ./services/consular/dist
COPY --from=jobs-builder /app/jobs/package.json ./jobs/package.json
COPY --from=jobs-builder /app/jobs/dist ./jobs/dist
# The checkpoint logs' and the register export's folders, owned by the jobs' user so that a fresh
# volume mounted on one is too.
RUN mkdir -p /var/lib/jol/audit-checkpoints /var/lib/jol/statistics-export \
 && chown node:node /var/lib/jol/audit-checkpoints /var/lib/jol/statistics-export
USER node
# Each job is chosen by its command (compose and the chart set it); by default, the usage.
CMD ["node", "jobs/dist/stats-refresh-main.js", "--help"]

FROM node:22-bookworm-slim AS runtime
ARG PACKAGE_DIR
ARG PORT
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=${PORT}
WORKDIR /app
COPY --from=builder /app/node_modules ./node_modules
COPY --from=builder /app/package.json ./package.json
COPY --from=builder /app/schema/package.json ./schema/package.json
COPY --from=builder /app/schema/dist ./schema/dist
COPY --from=builder /app/schema/supergraph.graphql ./schema/supergraph.graphql
COPY --from=builder /app/kernel/package.json ./kernel/package.json
# Versions the kernel needs beside other ones at the top (OpenTelemetry 2.x beside Apollo's 1.x).
COPY --from=builder /app/kernel/node_modules ./kernel/node_modules
COPY --from=builder /app/kernel/dist ./kernel/dist
COPY --from=builder /app/statistics/package.json ./statistics/package.json
COPY --from=builder /app/statistics/node_modules ./statistics/node_modules
COPY --from=builder /app/statistics/dist ./statistics/dist
COPY --from=builder /app/${PACKAGE_DIR}/package.json ./${PACKAGE_DIR}/package.json
COPY --from=builder /app/${PACKAGE_DIR}/dist ./${PACKAGE_DIR}/dist
# Exec-form CMD cannot expand build args, so the package folder becomes the working directory.
WORKDIR /app/${PACKAGE_DIR}
USER node
EXPOSE ${PORT}
CMD ["node", "dist/main.js"]
