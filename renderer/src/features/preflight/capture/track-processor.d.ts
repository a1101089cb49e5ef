// Chromium's insertable streams for video (mediacapture-transform); TypeScript's DOM lib does not declare them yet.

interface MediaStreamTrackProcessorInit {
  track: MediaStreamTrack;
}

/** Turns a video track into a stream of VideoFrames; every frame read must be closed. */
interface MediaStreamTrackProcessor {
  readonly readable: ReadableStream<VideoFrame>;
}

/** Missing outside Chromium (and on Safari's main thread): check before use. */
declare const MediaStreamTrackProcessor: { prototype: MediaStreamTrackProcessor; new (init: MediaStreamTrackProcessorInit): MediaStreamTrackProcessor } | undefined;
