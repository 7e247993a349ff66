# Kehou: the API binary (with TLS to PostgreSQL) and the built SPA in one image.
FROM node:20-bookworm AS web
WORKDIR /src/web-ui
COPY web-ui/package.json web-ui/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY web-ui/ ./
COPY openapi.yaml /src/openapi.yaml
RUN npm run build

FROM rust:1-bookworm AS api
RUN apt-get update && apt-get install -y --no-install-recommends libssl-dev pkg-config && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN cargo build --release --locked -p kehou-api --features pg-tls

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl libssl3 && rm -rf /var/lib/apt/lists/*
COPY --from=api /src/target/release/kehou /usr/local/bin/kehou
COPY --from=web /src/web-ui/dist /app/web
WORKDIR /app
EXPOSE 8080
CMD ["kehou", "serve"]
