# syntax=docker/dockerfile:1
# Node 22 LTS (the code supports Node 20.19 and later, see package.json engines).
# One image recipe for every Jol process: the four agency subgraphs and the gateway differ only in
# the workspace they build and the port they listen on, so docker-compose.yml passes both as args.
#   docker build --build-arg PACKAGE_DIR=services/labour --build-arg PORT=4002 .

FROM node:22-bookworm-slim AS builder
ARG PACKAGE_DIR
RUN test -n "${PACKAGE_DIR}" || (echo "PACKAGE_DIR must name a workspace, e.g. services/migration or gateway" >&2; exit 1)
WORKDIR /app

# Manifests first: the dependency layer is rebuilt only when a manifest or the lockfile changes.
# npm ci needs every workspace's manifest to match the lockfile, not only the one being built.
COPY package.json package-lock.json .npmrc tsconfig.json ./
COPY schema/package.json schema/
COPY services/migration/package.json services/migration/
COPY services/labour/package.json services/labour/
COPY services/health/package.json services/health/
COPY services/pensions/package.json services/pensions/
COPY gateway/package.json gateway/
COPY client/package.json client/
COPY test/package.json test/
RUN --mount=type=cache,target=/root/.npm npm ci --workspaces --include-workspace-root

# The kernel travels with every package (with the committed supergraph the gateway serves);
# tsc -b follows the project references, so @jol/schema is built before the package.
COPY schema/ schema/
COPY ${PACKAGE_DIR}/ ${PACKAGE_DIR}/
# The gateway also bundles GraphiQL's assets, so the page works without internet access.
RUN npx tsc -b "${PACKAGE_DIR}" \
 && if [ "${PACKAGE_DIR}" = gateway ]; then npm run build:pages -w gateway; fi \
 && npm prune --omit=dev

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
# Versions the kernel needs beside other ones at the top (OpenTelemetry 2.x beside Apollo's 1.x).
COPY --from=builder /app/schema/node_modules ./schema/node_modules
COPY --from=builder /app/schema/dist ./schema/dist
COPY --from=builder /app/schema/supergraph.graphql ./schema/supergraph.graphql
COPY --from=builder /app/${PACKAGE_DIR}/package.json ./${PACKAGE_DIR}/package.json
COPY --from=builder /app/${PACKAGE_DIR}/dist ./${PACKAGE_DIR}/dist
# Exec-form CMD cannot expand build args, so the package folder becomes the working directory.
WORKDIR /app/${PACKAGE_DIR}
USER node
EXPOSE ${PORT}
CMD ["node", "dist/main.js"]
