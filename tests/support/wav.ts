// WAV files for Chromium's fake microphone (`--use-file-for-fake-audio-capture=<file>`), which
// plays them in a loop: mono, 16-bit, 48 kHz.
const RATE = 48_000;

/** A WAV of `seconds` of sound, each sample from `sample(i)` in -1..1. */
function monoWav(seconds: number, sample: (index: number) => number): Buffer {
  const samples = RATE * seconds;
  const wav = Buffer.alloc(44 + samples * 2);
  wav.write("RIFF", 0);
  wav.writeUInt32LE(36 + samples * 2, 4);
  wav.write("WAVEfmt ", 8);
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(RATE, 24);
  wav.writeUInt32LE(RATE * 2, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write("data", 36);
  wav.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++)
    wav.writeInt16LE(Math.round(32_767 * Math.max(-1, Math.min(1, sample(i)))), 44 + i * 2);
  return wav;
}

/** A 300 Hz tone at half scale, as steady as a voice that goes on talking. */
export function toneWav(seconds: number): Buffer {
  return monoWav(seconds, (i) => 0.5 * Math.sin((2 * Math.PI * 300 * i) / RATE));
}

/** White noise (a hiss, like a fan), the same every time: uniform samples from a seeded generator. */
export function whiteNoiseWav(seconds: number, amplitude = 0.3): Buffer {
  let state = 0x2545f491;
  const next = () => {
    // xorshift32
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0xffffffff;
  };
  return monoWav(seconds, () => amplitude * (2 * next() - 1));
}
