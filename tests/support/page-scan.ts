import { createDecipheriv } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';

/** SQLCipher v4 page layout: 4096-byte pages, each ending in a 16-byte IV and a 64-byte HMAC. */
const PAGE_SIZE = 4096;
const RESERVE = 16 + 64;
const SALT_SIZE = 16;

/**
 * Decrypts one SQLCipher v4 page with the raw 32-byte key (AES-256-CBC; the IV is the first 16
 * bytes of the page's reserved tail). Page 1 starts with the file's salt, which is not encrypted.
 */
export function decryptPage(page: Buffer, key: Buffer, pageNumber: number): Buffer {
  const start = pageNumber === 1 ? SALT_SIZE : 0;
  const iv = page.subarray(PAGE_SIZE - RESERVE, PAGE_SIZE - RESERVE + 16);
  const decipher = createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
  return Buffer.concat([decipher.update(page.subarray(start, PAGE_SIZE - RESERVE)), decipher.final()]);
}

export interface DecryptedFile {
  /** Every page of the main file (free pages included) and every frame of the -wal, decrypted. */
  pages: Array<{ where: string; plain: Buffer }>;
}

/** Reads the database file and its -wal with the key, page by page, the way an attacker with the key would. */
export function decryptStore(file: string, key: Buffer | null): DecryptedFile {
  const pages: DecryptedFile['pages'] = [];
  const main = readFileSync(file);
  for (let offset = 0, n = 1; offset + PAGE_SIZE <= main.length; offset += PAGE_SIZE, n += 1) {
    const page = main.subarray(offset, offset + PAGE_SIZE);
    pages.push({ where: `db page ${n}`, plain: key ? decryptPage(page, key, n) : page });
  }
  const wal = `${file}-wal`;
  if (existsSync(wal)) {
    const bytes = readFileSync(wal);
    const walPageSize = bytes.length >= 32 ? bytes.readUInt32BE(8) : 0;
    for (let offset = 32, frame = 1; walPageSize > 0 && offset + 24 + walPageSize <= bytes.length; offset += 24 + walPageSize, frame += 1) {
      const pageNumber = bytes.readUInt32BE(offset);
      const page = bytes.subarray(offset + 24, offset + 24 + walPageSize);
      pages.push({ where: `wal frame ${frame} (page ${pageNumber})`, plain: key ? decryptPage(page, key, pageNumber) : page });
    }
  }
  return { pages };
}

/** Where each word still appears in the decrypted file and -wal (UTF-8 and UTF-16). */
export function findWords(file: string, key: Buffer | null, words: readonly string[]): Array<{ word: string; where: string }> {
  const hits: Array<{ word: string; where: string }> = [];
  const { pages } = decryptStore(file, key);
  for (const word of words) {
    const needles = [Buffer.from(word, 'utf8'), Buffer.from(word, 'utf16le')];
    for (const { where, plain } of pages) if (needles.some((n) => plain.includes(n))) hits.push({ word, where });
  }
  return hits;
}

/** How many decrypted pages look like SQLite b-tree pages: proves the decryption itself works. */
export function readablePageCount(file: string, key: Buffer): number {
  return decryptStore(file, key).pages.filter(({ plain }) => [0x02, 0x05, 0x0a, 0x0d, 0x00].includes(plain[0] ?? 255)).length;
}
