"use client";
// The meeting's control bar: microphone, camera and screen share (each with its device menu; the
// microphone's also switches noise suppression),
// chat, Parley's layout choices, the shortcuts help and Leave. LiveKit's pieces, each with a name
// a screen reader can say (its stock bar leaves the device menus and, on phones, every button
// unnamed). On a phone the words are hidden and the names stay, and the bar is one row that
// scrolls sideways: the camera, microphone, chat and Leave first, the layout choices after.
import {
  DisconnectButton,
  LeaveIcon,
  MediaDeviceMenu,
  TrackToggle,
  useLocalParticipantPermissions,
} from "@livekit/components-react";
import { Track } from "livekit-client";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { BackgroundMenu } from "./background/BackgroundMenu";
import { ChatToggle } from "./Chat";
import { StartMediaButton } from "./LiveKitParts";
import { MicrophoneMenu } from "./MicrophoneMenu";

function useMayPublish() {
  const permissions = useLocalParticipantPermissions();
  return (source: Track.Source) =>
    !!permissions?.canPublish &&
    (permissions.canPublishSources.length === 0 || permissions.canPublishSources.includes(Track.sourceToProto(source)));
}

const Words = ({ children }: { children: ReactNode }) => <span className="control-words">{children}</span>;

export type LayoutChoices = {
  speakerView: boolean;
  onSpeakerView: (on: boolean) => void;
  selfHidden: boolean;
  onSelfHidden: (hidden: boolean) => void;
  /** Absent where the browser has no picture-in-picture. */
  onPictureInPicture?: () => void;
  onHelp: () => void;
};

export function MeetingControls({ layout }: { layout: LayoutChoices }) {
  const t = useTranslations("meeting.controls");
  const background = useTranslations("meeting.background");
  const mayPublish = useMayPublish();
  const canShareScreen = typeof navigator !== "undefined" && !!navigator.mediaDevices?.getDisplayMedia;
  return (
    <div className="meeting-controls lk-control-bar" role="toolbar" aria-label={t("label")}>
      {mayPublish(Track.Source.Microphone) ? (
        <div className="lk-button-group">
          <TrackToggle source={Track.Source.Microphone} aria-label={t("microphone")} aria-keyshortcuts="M">
            <Words>{t("microphone")}</Words>
          </TrackToggle>
          <div className="lk-button-group-menu">
            <MicrophoneMenu />
          </div>
        </div>
      ) : null}
      {mayPublish(Track.Source.Camera) ? (
        <div className="lk-button-group">
          <TrackToggle source={Track.Source.Camera} aria-label={t("camera")} aria-keyshortcuts="V">
            <Words>{t("camera")}</Words>
          </TrackToggle>
          <div className="lk-button-group-menu">
            <MediaDeviceMenu kind="videoinput" aria-label={t("chooseCamera")} />
          </div>
          <BackgroundMenu>
            <Words>{background("title")}</Words>
          </BackgroundMenu>
        </div>
      ) : null}
      {mayPublish(Track.Source.ScreenShare) && canShareScreen ? (
        <TrackToggle
          source={Track.Source.ScreenShare}
          captureOptions={{ audio: true, selfBrowserSurface: "include" }}
          aria-label={t("shareScreen")}
        >
          <Words>{t("shareScreen")}</Words>
        </TrackToggle>
      ) : null}
      <ChatToggle className="lk-button" />
      <DisconnectButton aria-label={t("leave")}>
        <LeaveIcon aria-hidden="true" />
        <Words>{t("leave")}</Words>
      </DisconnectButton>
      <button
        type="button"
        className="lk-button"
        aria-pressed={layout.speakerView}
        onClick={() => layout.onSpeakerView(!layout.speakerView)}
      >
        {t("speakerView")}
      </button>
      <button
        type="button"
        className="lk-button"
        aria-pressed={layout.selfHidden}
        onClick={() => layout.onSelfHidden(!layout.selfHidden)}
      >
        {t("hideSelfView")}
      </button>
      {layout.onPictureInPicture ? (
        <button type="button" className="lk-button" onClick={layout.onPictureInPicture}>
          {t("pictureInPicture")}
        </button>
      ) : null}
      <button type="button" className="lk-button" aria-keyshortcuts="?" onClick={layout.onHelp}>
        {t("shortcuts")}
      </button>
      <StartMediaButton />
    </div>
  );
}
