// Blurs or replaces what is behind the person in a camera picture, in the browser: MediaPipe's
// selfie segmentation (its loader, WebAssembly and model served by Parley from
// public/effects/, copied there from @mediapipe/selfie_segmentation at build time) finds the
// person, and a 2D canvas paints them over the blurred picture or an image. This module is
// loaded with import() only when someone switches a background on.
import type { Results, SelfieSegmentation } from "@mediapipe/selfie_segmentation";
import type { Track, TrackProcessor, VideoProcessorOptions } from "livekit-client";

const ASSETS = "/effects/selfie-segmentation/";
export const PROCESSOR_NAME = "parley-background";

export type EffectSetting = { kind: "blur" } | { kind: "image"; url: string };

const CANVAS_FILTERS = "filter" in CanvasRenderingContext2D.prototype;

type SolutionClass = typeof SelfieSegmentation;
let solution: Promise<SolutionClass> | null = null;

// The package is a script that defines a global (bundlers drop it as side-effect free), and it
// loads its WebAssembly glue the same way: both come from this origin, which 'strict-dynamic'
// lets a trusted script add.
function loadSolution(): Promise<SolutionClass> {
  solution ??= new Promise<SolutionClass>((resolve, reject) => {
    const script = document.createElement("script");
    script.src = `${ASSETS}selfie_segmentation.js`;
    script.async = true;
    script.onload = () => {
      const found = (window as unknown as { SelfieSegmentation?: SolutionClass }).SelfieSegmentation;
      if (found) resolve(found);
      else reject(new Error("selfie_segmentation.js defined no SelfieSegmentation"));
    };
    script.onerror = () => reject(new Error(`could not load ${script.src}`));
    document.head.append(script);
  }).catch((error: unknown) => {
    solution = null;
    throw error;
  });
  return solution;
}

/**
 * Where WebGL is drawn in software (SwiftShader, llvmpipe: no GPU, or a blocked one), the model
 * runs about ten times faster on the CPU (XNNPACK) than through WebGL; elsewhere the GPU is best.
 */
function softwareWebGL(): boolean {
  const gl = document.createElement("canvas").getContext("webgl");
  const info = gl?.getExtension("WEBGL_debug_renderer_info");
  const renderer = gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : "";
  gl?.getExtension("WEBGL_lose_context")?.loseContext();
  return /swiftshader|llvmpipe|software/i.test(renderer);
}

/**
 * Timers in a worker keep their pace when the tab is in the background; the page's do not. Where
 * the worker cannot start, the page's own timer does the job.
 */
function workerTicker() {
  const source = "onmessage = (event) => setTimeout(() => postMessage(0), event.data);";
  const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
  let worker: Worker | null = new Worker(url);
  let pending: (() => void) | null = null;
  worker.onmessage = () => pending?.();
  worker.onerror = () => {
    worker?.terminate();
    worker = null;
    pending?.();
  };
  return {
    wait: (ms: number) =>
      new Promise<void>((resolve) => {
        pending = resolve;
        if (worker) worker.postMessage(ms);
        else setTimeout(resolve, ms);
      }),
    close: () => {
      worker?.terminate();
      URL.revokeObjectURL(url);
    },
  };
}

async function loadImage(url: string): Promise<ImageBitmap> {
  const image = new Image();
  image.src = url;
  await image.decode();
  return createImageBitmap(image);
}

export class BackgroundEffect {
  /** The processed picture: a canvas's stream, one frame per frame segmented. */
  readonly output: CanvasCaptureMediaStreamTrack;
  private readonly canvas = document.createElement("canvas");
  private readonly context: CanvasRenderingContext2D;
  private readonly video = document.createElement("video");
  private readonly ticker = workerTicker();
  private background: ImageBitmap | null = null;
  private small: HTMLCanvasElement | null = null;
  private stopped = false;
  private frames = 0;

  private constructor(
    private readonly segmenter: SelfieSegmentation,
    private setting: EffectSetting,
  ) {
    this.context = this.canvas.getContext("2d")!;
    this.output = this.canvas.captureStream(0).getVideoTracks()[0] as CanvasCaptureMediaStreamTrack;
    this.video.muted = true;
    this.video.playsInline = true;
    segmenter.onResults((results) => this.draw(results));
  }

  /** Starts on `input`; resolves once the first processed frame is out. */
  static async start(input: MediaStreamTrack, setting: EffectSetting): Promise<BackgroundEffect> {
    const Solution = await loadSolution();
    const segmenter = new Solution({ locateFile: (file) => `${ASSETS}${file}` });
    // The landscape model (256x144) suits camera pictures and is the cheaper of the two.
    segmenter.setOptions({ modelSelection: 1, selfieMode: false, useCpuInference: softwareWebGL() } as Parameters<
      SelfieSegmentation["setOptions"]
    >[0]);
    await segmenter.initialize();
    const effect = new BackgroundEffect(segmenter, setting);
    try {
      await effect.update(setting);
      await effect.setInput(input);
      void effect.run(input.getSettings().frameRate ?? 30);
      await effect.firstFrame();
    } catch (error) {
      effect.stop();
      throw error;
    }
    return effect;
  }

  async setInput(input: MediaStreamTrack): Promise<void> {
    this.video.srcObject = new MediaStream([input]);
    await this.video.play();
  }

  async update(setting: EffectSetting): Promise<void> {
    this.background = setting.kind === "image" ? await loadImage(setting.url) : null;
    this.setting = setting;
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.ticker.close();
    this.output.stop();
    this.video.srcObject = null;
    void this.segmenter.close().catch(() => undefined);
  }

  private async firstFrame(): Promise<void> {
    const started = performance.now();
    while (this.frames === 0) {
      if (this.stopped) throw new Error("stopped");
      if (performance.now() - started > 30_000) throw new Error("no frame from the segmenter in 30 s");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  private async run(frameRate: number): Promise<void> {
    const interval = 1000 / Math.min(30, Math.max(1, frameRate));
    while (!this.stopped) {
      const started = performance.now();
      if (this.video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && this.video.videoWidth > 0) {
        try {
          await this.segmenter.send({ image: this.video });
        } catch {
          // a frame the segmenter could not take (e.g. the camera switching): try the next one
        }
      }
      await this.ticker.wait(Math.max(0, interval - (performance.now() - started)));
    }
  }

  private draw({ image, segmentationMask }: Results): void {
    if (this.stopped) return;
    const { canvas, context, video } = this;
    if (canvas.width !== video.videoWidth || canvas.height !== video.videoHeight) {
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
    }
    const { width, height } = canvas;
    context.save();
    // The mask's alpha is how sure the model is that a pixel is the person: keep the picture
    // there, then paint the background behind it.
    context.globalCompositeOperation = "copy";
    context.drawImage(segmentationMask, 0, 0, width, height);
    context.globalCompositeOperation = "source-in";
    context.drawImage(image, 0, 0, width, height);
    context.globalCompositeOperation = "destination-over";
    if (this.setting.kind === "blur") this.drawBlurred(image, width, height);
    else if (this.background) drawCovering(context, this.background, width, height);
    context.restore();
    this.output.requestFrame();
    this.frames += 1;
  }

  private drawBlurred(image: CanvasImageSource, width: number, height: number): void {
    const radius = Math.max(6, Math.round(width / 48));
    // Blurred at a quarter of the size, then stretched back: the same look once smoothed, for a
    // sixteenth of the work where canvases are drawn on the CPU (no GPU). Without canvas filters
    // (older Safari), shrinking further and stretching back is the blur.
    const shrink = CANVAS_FILTERS ? 4 : radius;
    this.small ??= document.createElement("canvas");
    const small = this.small;
    const w = Math.max(1, Math.round(width / shrink));
    const h = Math.max(1, Math.round(height / shrink));
    if (small.width !== w || small.height !== h) {
      small.width = w;
      small.height = h;
    }
    const context = small.getContext("2d")!;
    if (CANVAS_FILTERS) {
      const r = radius / shrink;
      // Drawn a little larger than the frame so that the blur does not fade into its edges.
      context.filter = `blur(${r}px)`;
      context.drawImage(image, -2 * r, -2 * r, w + 4 * r, h + 4 * r);
      context.filter = "none";
    } else context.drawImage(image, 0, 0, w, h);
    this.context.imageSmoothingQuality = "high";
    this.context.drawImage(small, 0, 0, width, height);
  }
}

function drawCovering(context: CanvasRenderingContext2D, image: ImageBitmap, width: number, height: number) {
  const scale = Math.max(width / image.width, height / image.height);
  const w = image.width * scale;
  const h = image.height * scale;
  context.drawImage(image, (width - w) / 2, (height - h) / 2, w, h);
}

/** The effect as a LiveKit track processor: what the camera track sends and shows. */
export class BackgroundProcessor implements TrackProcessor<Track.Kind.Video> {
  readonly name = PROCESSOR_NAME;
  processedTrack?: MediaStreamTrack;
  private effect: BackgroundEffect | null = null;

  constructor(private setting: EffectSetting) {}

  async init({ track }: VideoProcessorOptions): Promise<void> {
    this.effect = await BackgroundEffect.start(track, this.setting);
    this.processedTrack = this.effect.output;
  }

  async restart(options: VideoProcessorOptions): Promise<void> {
    if (this.effect) await this.effect.setInput(options.track);
    else await this.init(options);
  }

  async destroy(): Promise<void> {
    this.effect?.stop();
    this.effect = null;
    this.processedTrack = undefined;
  }

  async update(setting: EffectSetting): Promise<void> {
    this.setting = setting;
    await this.effect?.update(setting);
  }
}
