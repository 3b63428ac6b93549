# Rampart API image. Build: docker build -t rampart .
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY src ./src
COPY web ./web
COPY migrations ./migrations
RUN npm run build && npm prune --omit=dev

FROM node:22-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY report-templates ./report-templates
# The reports volume mounts here; a named volume takes this directory's owner.
RUN mkdir -p /app/reports && chown node:node /app/reports
USER node
EXPOSE 3000
CMD ["node", "dist/src/main.js"]
