// Every word the background effect shows, in one place (for the translation catalogues to come).
export const BACKGROUND_WORDS = {
  background: "Background",
  chooseBackground: "Choose background",
  none: "None",
  blur: "Blur",
  images: { dawn: "Dawn", sea: "Sea", study: "Study" },
  starting: "Starting the background effect…",
  unsupported:
    "This browser cannot change your background (it needs WebGL and WebAssembly). Your camera is shown as it is.",
  failed: "The background effect could not start. Your camera is shown as it is.",
} as const;
