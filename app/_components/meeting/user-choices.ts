// What someone chose on the pre-join screen, remembered in this browser for next time.
export type UserChoices = {
  videoEnabled: boolean;
  audioEnabled: boolean;
  videoDeviceId: string;
  audioDeviceId: string;
  name: string;
};

const KEY = "parley.prejoin";

const defaultChoices: UserChoices = {
  videoEnabled: true,
  audioEnabled: true,
  videoDeviceId: "",
  audioDeviceId: "",
  name: "",
};

export function loadChoices(): UserChoices {
  try {
    const stored = JSON.parse(window.localStorage.getItem(KEY) ?? "{}") as Partial<UserChoices>;
    return {
      videoEnabled: typeof stored.videoEnabled === "boolean" ? stored.videoEnabled : true,
      audioEnabled: typeof stored.audioEnabled === "boolean" ? stored.audioEnabled : true,
      videoDeviceId: typeof stored.videoDeviceId === "string" ? stored.videoDeviceId : "",
      audioDeviceId: typeof stored.audioDeviceId === "string" ? stored.audioDeviceId : "",
      name: typeof stored.name === "string" ? stored.name : "",
    };
  } catch {
    return defaultChoices;
  }
}

export function saveChoices(choices: UserChoices): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(choices));
  } catch {
    // private mode or storage full: choices are simply not remembered
  }
}
