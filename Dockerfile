# The headless server (`status-tray serve`) in a container. Build from the repository root:
#   docker build -t status-tray .
#   docker run -p 127.0.0.1:8080:8080 -e STATUS_TRAY_TOKEN=... -v status-tray:/data status-tray github openai
# Inside the container it binds 0.0.0.0, so STATUS_TRAY_TOKEN (16+ characters) is required; see README
# "Headless server". Arguments after the image name are SOURCEs and serve options.

FROM node:20-bookworm-slim AS build
WORKDIR /app
# The desktop app's Electron binary is a dev dependency the server never needs.
ENV ELECTRON_SKIP_BINARY_DOWNLOAD=1
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY . .
RUN npm run build:cli

# Runtime dependencies, with better-sqlite3's native binding (status.db) built here, where node-gyp's
# toolchain exists, so the runtime image needs none.
FROM node:20-bookworm AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm rebuild better-sqlite3 && npm cache clean --force

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist/cli ./dist/cli
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 8080
# status.db keeps state, history (GET /api/history) and the channels' delivery log across restarts.
ENTRYPOINT ["node", "dist/cli/status-tray.mjs", "serve", "--host", "0.0.0.0", "--port", "8080", "--db", "/data/status.db"]
