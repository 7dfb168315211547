/**
 * A word filler writes uniform 32-bit words into a whole buffer: the raw output of one generator,
 * in order. Every `Rng` of slotsim is a `BufferedRng` over one of these.
 */
export type WordFiller = (words: Uint32Array) => void;

/** Buffer size of every buffered generator: 64 KiB of words. */
export const BUFFER_WORDS = 16384;

/** True on little-endian hosts, where a Uint32Array's bytes are its words in little-endian order. */
export const HOST_IS_LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * Copies bytes into `words`, reading them as little-endian 32-bit words whatever the host order.
 * `bytes` must hold exactly `words.length × 4` bytes; it is modified on big-endian hosts.
 */
export function copyLittleEndianWords(bytes: Buffer, words: Uint32Array): void {
  if (!HOST_IS_LITTLE_ENDIAN) bytes.swap32();
  bytes.copy(new Uint8Array(words.buffer, words.byteOffset, words.byteLength));
}

/** The words as bytes, each word little-endian whatever the host order (a fresh Buffer). */
export function wordsToLittleEndianBytes(words: Uint32Array): Buffer {
  const bytes = Buffer.from(words.buffer.slice(words.byteOffset, words.byteOffset + words.byteLength));
  if (!HOST_IS_LITTLE_ENDIAN) bytes.swap32();
  return bytes;
}
