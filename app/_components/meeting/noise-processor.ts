// RNNoise on the microphone, as a LiveKit track processor: the captured track runs through the
// package's AudioWorklet in an AudioContext of its own, and LiveKit sends what comes out. The
// worklet and its WebAssembly are served by Parley (copied from node_modules into public/effects/ by scripts/lib/effect-assets.ts).
// Loaded with import() only when noise suppression is on.
import { loadRnnoise, RnnoiseWorkletNode } from "@sapphi-red/web-noise-suppressor";
import type { AudioProcessorOptions, Track, TrackProcessor } from "livekit-client";
import { canSuppressNoise, NOISE_PROCESSOR_NAME } from "./noise-suppression";

const ASSETS = "/effects/noise-suppressor";
// RNNoise works on 48 kHz audio; a context of our own runs at that rate whatever the device's.
const SAMPLE_RATE = 48_000;

let binary: Promise<ArrayBuffer> | null = null;

/** The WebAssembly, fetched once per page, and compiled once here to learn that this page may run it. */
function rnnoiseBinary(): Promise<ArrayBuffer> {
  binary ??= loadRnnoise({ url: `${ASSETS}/rnnoise.wasm`, simdUrl: `${ASSETS}/rnnoise_simd.wasm` }).then(
    async (bytes) => {
      // The worklet compiles it again and cannot say when that fails (it would just send silence):
      // a refusal (no WebAssembly, a policy without 'wasm-unsafe-eval', a damaged file) shows here.
      await WebAssembly.compile(bytes);
      return bytes;
    },
  );
  binary.catch(() => (binary = null));
  return binary;
}

type Graph = { context: AudioContext; source: MediaStreamAudioSourceNode; node: RnnoiseWorkletNode };

export default class NoiseSuppressor implements TrackProcessor<Track.Kind.Audio, AudioProcessorOptions> {
  readonly name = NOISE_PROCESSOR_NAME;
  processedTrack?: MediaStreamTrack;
  /** The microphone as captured (see capturedMicrophone in ./noise-suppression.ts). */
  sourceTrack?: MediaStreamTrack;
  private graph?: Graph;

  async init({ track }: AudioProcessorOptions): Promise<void> {
    if (!canSuppressNoise()) throw new Error("AudioWorklet or WebAssembly is missing");
    const wasmBinary = await rnnoiseBinary();
    const context = new AudioContext({ sampleRate: SAMPLE_RATE, latencyHint: "interactive" });
    try {
      await context.audioWorklet.addModule(`${ASSETS}/rnnoise-worklet.js`);
      const source = context.createMediaStreamSource(new MediaStream([track]));
      const node = new RnnoiseWorkletNode(context, { maxChannels: 1, wasmBinary });
      const destination = context.createMediaStreamDestination();
      source.connect(node).connect(destination);
      // Started after the person pressed Join, so the browser lets it run; if it will not, sending
      // nothing would be worse than sending noise.
      if (context.state !== "running") await Promise.race([context.resume(), new Promise((r) => setTimeout(r, 1000))]);
      if (context.state !== "running") throw new Error(`audio context is ${context.state}`);
      this.graph = { context, source, node };
      this.sourceTrack = track;
      this.processedTrack = destination.stream.getAudioTracks()[0];
    } catch (error) {
      void context.close();
      throw error;
    }
  }

  /**
   * Runs the filter or lets it rest (suspended, it costs nothing; NoiseSuppression.tsx decides
   * when). Resolves to whether the filter is now as asked; it is not when the browser will not
   * start its audio again.
   */
  async setRunning(running: boolean): Promise<boolean> {
    const context = this.graph?.context;
    if (!context || context.state === "closed") return true;
    try {
      if (!running) {
        await context.suspend();
        return true;
      }
      // The page has had the person's clicks (Join at least), so the browser lets it run again.
      await Promise.race([context.resume(), new Promise((r) => setTimeout(r, 1000))]);
      return (context.state as AudioContextState) === "running";
    } catch {
      // Closed meanwhile (taken off the track): nothing left to run.
      return (context.state as AudioContextState) === "closed";
    }
  }

  async restart(options: AudioProcessorOptions): Promise<void> {
    await this.destroy();
    await this.init(options);
  }

  async destroy(): Promise<void> {
    const graph = this.graph;
    this.graph = undefined;
    this.processedTrack?.stop();
    this.processedTrack = undefined;
    this.sourceTrack = undefined;
    if (!graph) return;
    graph.source.disconnect();
    graph.node.disconnect();
    graph.node.destroy();
    await graph.context.close();
  }
}
