// The second stack scripts/test.ts prepares for fault tests: an app with its own database and a
// livekit-server of its own, both started, killed and restarted by the tests themselves.
import type { Managed } from "../../scripts/lib/processes";
import type { LocalLiveKit } from "../../scripts/lib/livekit-config";
import { startLiveKit, startNext, type AppEnv } from "../../scripts/lib/stack";
import { RoomServiceClient } from "livekit-server-sdk";

type Config = {
  app: { port: number; env: AppEnv; logFile: string };
  livekit: { ports: LocalLiveKit; key: string; secret: string; logFile: string };
};

const config = JSON.parse(process.env.PARLEY_TEST_RESTARTABLE_STACK!) as Config;

export const restartable = {
  baseURL: config.app.env.NEXTAUTH_URL,
  app: undefined as Managed | undefined,
  livekit: undefined as Managed | undefined,

  async startApp() {
    this.app = await startNext("start", config.app.port, config.app.env, config.app.logFile);
  },
  async startLiveKit() {
    const { ports, key, secret, logFile } = config.livekit;
    this.livekit = await startLiveKit(ports, key, secret, [this.baseURL], logFile);
  },
  async stopApp(signal?: NodeJS.Signals) {
    await this.app?.stop(signal);
    this.app = undefined;
  },
  async stopLiveKit(signal?: NodeJS.Signals) {
    await this.livekit?.stop(signal);
    this.livekit = undefined;
  },
  async stopAll() {
    await this.stopApp();
    await this.stopLiveKit();
  },
  roomService() {
    return new RoomServiceClient(config.app.env.LIVEKIT_URL, config.livekit.key, config.livekit.secret);
  },
};
