/**
 * Windows-1252 bytes 0x80–0x9F. Hand-written because Node 20's TextDecoder('windows-1252') drops
 * these bytes (it decodes as Latin-1 without the C1 range); the other bytes equal Latin-1.
 * The five bytes 1252 leaves undefined decode to the C1 control of the same value, as WHATWG says.
 */
const HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** The character a Windows-1252 byte stands for. */
export function cp1252Char(byte: number): string {
  return byte >= 0x80 && byte <= 0x9f ? HIGH[byte - 0x80]! : String.fromCharCode(byte);
}

/**
 * Decodes Windows-1252 bytes.
 *
 * @example
 *   decodeCp1252(Uint8Array.of(0x49, 0x92, 0x6d)); // 'I’m'
 */
export function decodeCp1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    out += String.fromCharCode(...Array.from(bytes.subarray(i, i + 8192), (b) => cp1252Char(b).charCodeAt(0)));
  }
  return out;
}
