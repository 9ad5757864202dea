#!/usr/bin/env node
/**
 * `npm run icons`: every icon the installers and the tray need, generated from the two SVG
 * sources in resources/ (icon.svg, tray.svg). The outputs are committed, so packaging never
 * depends on this running; run it again after changing an SVG.
 *
 * - resources/icons/<n>x<n>.png  Linux (electron-builder reads the folder) and the window icon
 * - resources/icon.png           1024 px master
 * - resources/icon.ico           Windows exe / NSIS (16–256 px inside)
 * - resources/icon.icns          macOS app bundle (16–1024 px inside)
 * - resources/tray/…             tray and menu bar images (macOS "Template" = monochrome, adapts to dark mode)
 *
 * SVG → PNG with @resvg/resvg-js; ICO and ICNS packed by png2icons (pure JS, no system tools).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import png2icons from 'png2icons';

const resources = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources');
export const APP_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

/** @param {string} svg @param {number} size */
function render(svg, size) {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } }).render().asPng();
}

function write(relative, bytes) {
  const file = join(resources, relative);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, bytes);
  console.log(`  ${relative}  ${bytes.length} bytes`);
}

const appSvg = readFileSync(join(resources, 'icon.svg'), 'utf8');
for (const size of APP_ICON_SIZES) write(`icons/${size}x${size}.png`, render(appSvg, size));
const master = render(appSvg, 1024);
write('icon.png', master);

// BICUBIC2 is png2icons' best-quality scaler; the last argument: ICO with PNG-compressed entries.
const ico = png2icons.createICO(master, png2icons.BICUBIC2, 0, false, true);
const icns = png2icons.createICNS(master, png2icons.BICUBIC2, 0);
if (!ico || !icns) throw new Error('png2icons could not pack the icon (is resources/icon.svg a square image?)');
write('icon.ico', ico);
write('icon.icns', icns);

const traySvg = readFileSync(join(resources, 'tray.svg'), 'utf8');
write('tray/trayTemplate.png', render(traySvg, 16));
write('tray/trayTemplate@2x.png', render(traySvg, 32));
// Windows and Linux trays draw on light and dark bars alike: use the coloured app icon.
write('tray/tray.png', render(appSvg, 32));
write('tray/tray@2x.png', render(appSvg, 64));
