"use client";
// Whether this browser can encrypt media itself: asked only on the pre-join screen of an
// encrypted room, with import(), so other rooms' first load carries none of it.
export { isE2EESupported as default } from "livekit-client";
