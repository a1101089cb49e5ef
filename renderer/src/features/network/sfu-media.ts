/** The camera and microphone to publish to the SFU, and how to let them go. */
export interface SfuMedia {
  stream: MediaStream;
  close(): void;
}

/**
 * Opens the default camera and microphone as a call would. Where none can be opened (no
 * device, permission refused, a headless network-only check), a moving picture and a tone
 * stand in: the media path is what is measured here, not the devices.
 */
export async function openSfuMedia(): Promise<SfuMedia> {
  try {
    const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 1280, height: 720, frameRate: 30 }, audio: true });
    return { stream, close: () => stream.getTracks().forEach((track) => track.stop()) };
  } catch {
    return generatedMedia();
  }
}

function generatedMedia(): SfuMedia {
  const canvas = document.createElement('canvas');
  canvas.width = 1280;
  canvas.height = 720;
  const context = canvas.getContext('2d');
  let frame = 0;
  // Moving content, so the encoder has real work and the bitrate ramps as it would for a camera.
  const timer = setInterval(() => {
    if (!context) return;
    frame += 1;
    context.fillStyle = `hsl(${(frame * 3) % 360} 60% 40%)`;
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.fillStyle = '#fff';
    context.fillRect((frame * 12) % canvas.width, 200, 160, 320);
  }, 33);
  const audio = new AudioContext();
  const oscillator = audio.createOscillator();
  const destination = audio.createMediaStreamDestination();
  oscillator.connect(destination);
  oscillator.start();
  const stream = new MediaStream([...canvas.captureStream(30).getVideoTracks(), ...destination.stream.getAudioTracks()]);
  return {
    stream,
    close: () => {
      clearInterval(timer);
      stream.getTracks().forEach((track) => track.stop());
      void audio.close();
    },
  };
}
