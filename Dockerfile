# The Parley app image (used by docker-compose.yml). Runs migrations, then `next start`.
FROM node:20-bookworm-slim
WORKDIR /app
# better-sqlite3 compiles from source when no prebuilt binary can be fetched.
# ffmpeg composes recordings into one video (lib/recordings/compose.ts).
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ ffmpeg && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY lib/sqlite-url.ts ./lib/sqlite-url.ts
RUN npm ci
COPY . .
RUN npm run build
ENV NODE_ENV=production PORT=3000
EXPOSE 3000
VOLUME /data
CMD ["npm", "start"]
