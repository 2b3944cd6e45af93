import "server-only";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { notFound } from "../http";
import { parseByteRange } from "./byte-range";
import { composedFile } from "./files";

/** The composed video as an HTTP response, whole or the range asked for. */
export async function recordingVideo(
  recording: { id: string; startedAt: Date },
  roomName: string,
  rangeHeader: string | null,
  download: boolean,
): Promise<{ response: Response; fromStart: boolean }> {
  const file = composedFile(recording.id);
  const size = await stat(file).then(
    (info) => info.size,
    () => {
      throw notFound("That recording");
    },
  );
  const headers = new Headers({
    "content-type": "video/mp4",
    "accept-ranges": "bytes",
    "cache-control": "private, no-store",
  });
  if (download) {
    const name = `${roomName.replace(/[^\p{L}\p{N} _-]/gu, "").trim() || "recording"} ${recording.startedAt.toISOString().slice(0, 16).replace("T", " ")}.mp4`;
    headers.set(
      "content-disposition",
      `attachment; filename="recording.mp4"; filename*=UTF-8''${encodeURIComponent(name)}`,
    );
  }
  const range = parseByteRange(rangeHeader, size);
  if (range === "unsatisfiable") {
    headers.set("content-range", `bytes */${size}`);
    return { response: new Response(null, { status: 416, headers }), fromStart: false };
  }
  const { start, end } = range ?? { start: 0, end: size - 1 };
  headers.set("content-length", String(end - start + 1));
  if (range) headers.set("content-range", `bytes ${start}-${end}/${size}`);
  const body = Readable.toWeb(createReadStream(file, { start, end })) as ReadableStream<Uint8Array>;
  return { response: new Response(body, { status: range ? 206 : 200, headers }), fromStart: start === 0 };
}
