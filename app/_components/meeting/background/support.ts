// Whether this browser can run the background effect, asked before its code is loaded.
let supported: boolean | null = null;

export function backgroundEffectSupported(): boolean {
  if (supported !== null) return supported;
  if (typeof WebAssembly !== "object" || typeof Worker === "undefined" || typeof createImageBitmap === "undefined")
    return (supported = false);
  if (!("captureStream" in HTMLCanvasElement.prototype)) return (supported = false);
  // MediaPipe's segmentation takes its frames through WebGL, even when its model runs on the CPU.
  const canvas = document.createElement("canvas");
  const gl = canvas.getContext("webgl2") ?? canvas.getContext("webgl");
  gl?.getExtension("WEBGL_lose_context")?.loseContext();
  return (supported = gl !== null);
}
