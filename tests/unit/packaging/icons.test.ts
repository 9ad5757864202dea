import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The committed icons are what `npm run icons` makes from resources/icon.svg; this checks they
 * are real images of the sizes each platform asks for (read from the file headers).
 */
const pngSize = (bytes: Buffer) => ({ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) });
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('generated icons', () => {
  it('has a square PNG of every Linux size, each as large as its name says', () => {
    const files = readdirSync('resources/icons').sort();
    expect(files).toEqual(['1024x1024.png', '128x128.png', '16x16.png', '24x24.png', '256x256.png', '32x32.png', '48x48.png', '512x512.png', '64x64.png']);
    for (const file of files) {
      const bytes = readFileSync(`resources/icons/${file}`);
      expect(bytes.subarray(0, 8).equals(PNG_MAGIC), file).toBe(true);
      const side = Number(file.split('x')[0]);
      expect(pngSize(bytes), file).toEqual({ width: side, height: side });
    }
  });

  it('packs a Windows .ico with every size from 16 to 256', () => {
    const ico = readFileSync('resources/icon.ico');
    expect(ico.readUInt16LE(0)).toBe(0); // reserved
    expect(ico.readUInt16LE(2)).toBe(1); // type 1 = icon
    const count = ico.readUInt16LE(4);
    // Each 16-byte directory entry stores width in one byte, 0 meaning 256.
    const widths = Array.from({ length: count }, (_, i) => ico[6 + i * 16] || 256);
    for (const side of [16, 24, 32, 48, 64, 128, 256]) expect(widths).toContain(side);
  });

  it('packs a macOS .icns with the retina 512@2x (1024 px) image', () => {
    const icns = readFileSync('resources/icon.icns');
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const types: string[] = [];
    for (let offset = 8; offset < icns.length; offset += icns.readUInt32BE(offset + 4)) types.push(icns.subarray(offset, offset + 4).toString('latin1'));
    for (const type of ['ic07', 'ic08', 'ic09', 'ic10']) expect(types).toContain(type);
  });

  it('has monochrome template tray images for the macOS menu bar at 1x and 2x', () => {
    expect(pngSize(readFileSync('resources/tray/trayTemplate.png'))).toEqual({ width: 16, height: 16 });
    expect(pngSize(readFileSync('resources/tray/trayTemplate@2x.png'))).toEqual({ width: 32, height: 32 });
    expect(pngSize(readFileSync('resources/tray/tray.png'))).toEqual({ width: 32, height: 32 });
  });
});
