// A short rising two-note chime, made on the spot with WebAudio: no sound file to download.
import { soundsMuted } from "./sound-setting";

let context: AudioContext | undefined;

/** Plays the chime; a browser that allows no sound yet (nothing on the page was clicked) plays it once it does. */
export async function playChime(): Promise<void> {
  if (soundsMuted()) return;
  try {
    context ??= new AudioContext();
    if (context.state === "suspended") await context.resume();
    const start = context.currentTime;
    [660, 880].forEach((frequency, i) => {
      const at = start + i * 0.16;
      const tone = context!.createOscillator();
      const volume = context!.createGain();
      tone.type = "sine";
      tone.frequency.value = frequency;
      volume.gain.setValueAtTime(0.0001, at);
      volume.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
      volume.gain.exponentialRampToValueAtTime(0.0001, at + 0.35);
      tone.connect(volume).connect(context!.destination);
      tone.start(at);
      tone.stop(at + 0.36);
    });
  } catch {
    // No audio output here: the list itself is the notice.
  }
}
