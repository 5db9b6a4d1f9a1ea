/**
 * A small ZIP reader, enough for the packages `wxt zip` writes (stored or deflated entries, no ZIP64, no
 * encryption): Node has none built in, and the tests should not need a dependency or an `unzip` program.
 * Every entry's CRC-32 is checked, so a damaged archive fails loudly.
 */
import { readFileSync } from "node:fs";
import { crc32, inflateRawSync } from "node:zlib";

export interface ZipEntry {
  /** The path inside the archive, with `/` separators. */
  name: string;
  /** Bytes once extracted. */
  size: number;
  /** Bytes in the archive. */
  compressedSize: number;
  data: Buffer;
}

const endOfCentralDirectory = 0x06054b50;
const centralDirectoryHeader = 0x02014b50;
const localFileHeader = 0x04034b50;

function findEndOfCentralDirectory(zip: Buffer): number {
  // The record is 22 bytes plus a comment of up to 65,535 bytes, at the very end.
  const earliest = Math.max(0, zip.length - 22 - 0xffff);
  for (let offset = zip.length - 22; offset >= earliest; offset--) {
    if (zip.readUInt32LE(offset) === endOfCentralDirectory) return offset;
  }
  throw new Error("not a ZIP archive: no end of central directory record");
}

/** Every file entry of a ZIP archive (directories left out), in the archive's order. */
export function readZip(source: string | Buffer): ZipEntry[] {
  const zip = typeof source === "string" ? readFileSync(source) : source;
  const end = findEndOfCentralDirectory(zip);
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let index = 0; index < count; index++) {
    if (zip.readUInt32LE(offset) !== centralDirectoryHeader) throw new Error(`bad central directory entry ${index}`);
    const flags = zip.readUInt16LE(offset + 8);
    const method = zip.readUInt16LE(offset + 10);
    const crc = zip.readUInt32LE(offset + 16);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const size = zip.readUInt32LE(offset + 24);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const localOffset = zip.readUInt32LE(offset + 42);
    const name = zip.toString("utf8", offset + 46, offset + 46 + nameLength);
    offset += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith("/")) continue;
    if ((flags & 1) !== 0) throw new Error(`${name}: encrypted entries are not supported`);
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) {
      throw new Error(`${name}: ZIP64 entries are not supported`);
    }
    if (zip.readUInt32LE(localOffset) !== localFileHeader) throw new Error(`${name}: bad local file header`);
    const dataStart = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    const raw = zip.subarray(dataStart, dataStart + compressedSize);
    let data: Buffer;
    if (method === 0) data = Buffer.from(raw);
    else if (method === 8) data = inflateRawSync(raw);
    else throw new Error(`${name}: compression method ${method} is not supported`);
    if (data.length !== size) throw new Error(`${name}: ${data.length} bytes extracted, ${size} expected`);
    if (crc32(data) >>> 0 !== crc) throw new Error(`${name}: CRC-32 mismatch`);
    entries.push({ name, size, compressedSize, data });
  }
  return entries;
}
