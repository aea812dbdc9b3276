import { crc32, deflateSync } from 'node:zlib';

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * A PNG from rows of pixels. `bitDepth` 1 with colour type 0 (grayscale): one bit per pixel,
 * 1 = white; 8 with colour type 2: RGB bytes. `rows` are the raw scanlines without filter bytes.
 */
export function encodePng(width: number, height: number, rows: Buffer[], kind: 'gray1' | 'rgb8'): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set(kind === 'gray1' ? [1, 0, 0, 0, 0] : [8, 2, 0, 0, 0], 8);
  const raw = Buffer.concat(rows.flatMap((r) => [Buffer.from([0]), r]));
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
