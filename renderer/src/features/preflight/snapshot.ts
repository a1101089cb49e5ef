import type { LumaFrame } from '../../../../shared/analysis/video';

/** Turns an analysed frame into a grey picture to show beside the camera's findings. */
export async function snapshotUrl(frame: LumaFrame): Promise<string | null> {
  if (typeof OffscreenCanvas === 'undefined') return null;
  const canvas = new OffscreenCanvas(frame.width, frame.height);
  const context = canvas.getContext('2d');
  if (!context) return null;
  const image = context.createImageData(frame.width, frame.height);
  for (let pixel = 0, byte = 0; pixel < frame.luma.length; pixel++, byte += 4) {
    const value = frame.luma[pixel]!;
    image.data[byte] = value;
    image.data[byte + 1] = value;
    image.data[byte + 2] = value;
    image.data[byte + 3] = 255;
  }
  context.putImageData(image, 0, 0);
  return URL.createObjectURL(await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 }));
}
