import { Transform, type TransformCallback } from "node:stream";

/**
 * Drops the NUL bytes React 18's streaming renderer leaks into a page (react/react#31134): when
 * a character of several UTF-8 bytes does not fit at the end of its 2 KB buffer, React sends the
 * whole buffer, unwritten zero bytes included. The browser shows them as "�", inside text and
 * accessible names ("Modifier l�’élément"). The fix (react/react#26228) shipped in React 19 only;
 * no 18.x release has it. A zero byte is never part of another UTF-8 character and never valid
 * in HTML, so dropping every one restores exactly the page React meant to send.
 */
export class DropNulBytes extends Transform {
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    if (!chunk.includes(0)) return callback(null, chunk);
    const kept = Buffer.allocUnsafe(chunk.length);
    let length = 0;
    for (const byte of chunk) if (byte !== 0) kept[length++] = byte;
    callback(null, kept.subarray(0, length));
  }
}
