// The second stack scripts/test.ts prepares for fault tests: an app with its own database, a
// livekit-server and a parley-recorder of its own, started, killed and restarted by the tests themselves.
import { RoomServiceClient } from "livekit-server-sdk";
import { testStack } from "../support/config";
import { startApp, startLiveKitServer, type Managed } from "../support/local-stack";
import { startRecorder } from "../../scripts/lib/recorder";

const described = () => testStack().restartable;

export const restartable = {
  baseURL: described().app.env.NEXTAUTH_URL,
  app: undefined as Managed | undefined,
  livekit: undefined as Managed | undefined,
  recorder: undefined as Managed | undefined,

  /** `wrapper`: a command to start it through (e.g. into a namespace with a small disk). */
  async startApp(wrapper?: string[]) {
    this.app = await startApp(described().app, { wrapper });
  },
  async startLiveKit() {
    this.livekit = await startLiveKitServer(described().livekit);
  },
  async startRecorder(wrapper?: string[]) {
    this.recorder = await startRecorder(described().recorder, wrapper);
  },
  /** Where the recorder writes and the app reads recordings. */
  recordingsDir: () => described().recorder.dir,
  async stopRecorder(signal?: NodeJS.Signals) {
    await this.recorder?.stop(signal);
    this.recorder = undefined;
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
    await this.stopRecorder();
    await this.stopLiveKit();
  },
  roomService() {
    const { app, livekit } = described();
    return new RoomServiceClient(app.env.LIVEKIT_URL, livekit.key, livekit.secret);
  },
};
