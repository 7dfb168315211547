import { createHash } from 'node:crypto';
import {
  closeSync,
  fdatasyncSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { fileErrorReason, SlotsimError } from '../errors.js';
import type { Json } from './codec.js';

/**
 * The files of a sharded or resumable run — partials and checkpoints — are JSON Lines: a header,
 * then one record per simulation chunk or full-cycle task, each line sealed with the SHA-256 of its
 * own text (`"lineSha256"`, domain `slotsim/record/v1\n`), so a torn or damaged line is recognised
 * wherever it is. A partial ends with an `end` record: the number of records and the SHA-256 of
 * every byte before it (domain `slotsim/partial/v1\n`), its checksum. A checkpoint has no end: it
 * grows by appended records, and whatever follows its first bad line is dropped on resume.
 *
 * Nothing in a file depends on the clock, the thread count or the machine, so writing the same
 * records gives the same bytes.
 */

const LINE_DOMAIN = 'slotsim/record/v1\n';
const CONTENT_DOMAIN = 'slotsim/partial/v1\n';
const SEAL = /,"lineSha256":"([0-9a-f]{64})"\}$/;

function sha256(domain: string, text: string): string {
  return createHash('sha256').update(domain).update(text).digest('hex');
}

/** One line (with its "\n"): `body` as JSON, sealed with the SHA-256 of that JSON. */
export function sealLine(body: { readonly [key: string]: Json }): string {
  const json = JSON.stringify(body);
  if (json === '{}') throw new SlotsimError('INTERNAL', 'an empty record');
  return `${json.slice(0, -1)},"lineSha256":"${sha256(LINE_DOMAIN, json)}"}\n`;
}

/** The body of a sealed line (without "\n"), or why it is not one. */
export function openLine(line: string): { body: Record<string, unknown> } | { problem: string } {
  const seal = SEAL.exec(line);
  if (seal === null)
    return { problem: 'the line is not a sealed record (cut short, or not a slotsim record)' };
  const json = `${line.slice(0, seal.index)}}`;
  if (sha256(LINE_DOMAIN, json) !== seal[1])
    return { problem: "the line's SHA-256 does not match its content" };
  let body: unknown;
  try {
    body = JSON.parse(json);
  } catch {
    return { problem: 'the line is not valid JSON' };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { problem: 'the record is not an object' };
  return { body: body as Record<string, unknown> };
}

function fileError(path: string, what: string, error: unknown): SlotsimError {
  return new SlotsimError('BAD_FILE', `${path}: cannot ${what} it (${fileErrorReason(error)})`, {
    cause: error,
  });
}

/** Syncs a folder, so a rename into it survives a power cut. */
function syncFolder(path: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(dirname(path), 'r');
    fsyncSync(fd);
  } catch {
    // Some file systems cannot sync a folder (EINVAL, EISDIR): the rename is as durable as they make it.
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/**
 * Writes a partial: records are streamed into a temporary file beside `path` as they come, and
 * `finish()` adds the end record, syncs, and renames it into place — so `path` either does not
 * exist or holds a whole partial. `abandon()` removes the temporary file.
 */
export class PartialWriter {
  readonly path: string;
  private readonly temp: string;
  private fd: number | null;
  private readonly hash = createHash('sha256').update(CONTENT_DOMAIN);
  private records = 0;
  private pending: string[] = [];
  private pendingBytes = 0;

  constructor(path: string, header: { readonly [key: string]: Json }) {
    this.path = path;
    this.temp = `${path}.tmp-${process.pid}`;
    try {
      this.fd = openSync(this.temp, 'w');
    } catch (error) {
      throw fileError(path, 'write', error);
    }
    this.write(sealLine(header));
  }

  private write(line: string): void {
    this.hash.update(line);
    this.pending.push(line);
    this.pendingBytes += line.length;
    if (this.pendingBytes >= 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.fd === null || this.pending.length === 0) return;
    try {
      writeSync(this.fd, this.pending.join(''));
    } catch (error) {
      throw fileError(this.path, 'write', error);
    }
    this.pending = [];
    this.pendingBytes = 0;
  }

  add(body: { readonly [key: string]: Json }): void {
    this.records++;
    this.write(sealLine(body));
  }

  /** Seals the file and moves it into place; returns its checksum. */
  finish(): string {
    const contentSha256 = this.hash.digest('hex');
    this.pending.push(sealLine({ record: 'end', records: this.records, contentSha256 }));
    this.flush();
    try {
      fsyncSync(this.fd!);
      closeSync(this.fd!);
      this.fd = null;
      renameSync(this.temp, this.path);
    } catch (error) {
      this.abandon();
      throw fileError(this.path, 'write', error);
    }
    syncFolder(this.path);
    return contentSha256;
  }

  abandon(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    rmSync(this.temp, { force: true });
  }
}

/**
 * Appends records to a checkpoint, in batches: `add` queues, `flush` writes the queue and syncs
 * (fdatasync) — a power cut loses at most the batch being written, and the torn line it may leave
 * is dropped on resume (`scanRecordFile`).
 */
export class CheckpointWriter {
  readonly path: string;
  private fd: number | null;
  private queue: string[] = [];
  /** Where the next record goes: the end of the intact records (never the file's current position). */
  private position: number;

  /** A new checkpoint (`header` given; the file must not exist) or one to continue from `validBytes`. */
  constructor(path: string, start: { header: { readonly [key: string]: Json } } | { validBytes: number }) {
    this.path = path;
    try {
      if ('header' in start) {
        this.fd = openSync(path, 'wx');
        const header = Buffer.from(sealLine(start.header));
        writeSync(this.fd, header, 0, header.length, 0);
        this.position = header.length;
        fdatasyncSync(this.fd);
        syncFolder(path);
      } else {
        this.fd = openSync(path, 'r+');
        ftruncateSync(this.fd, start.validBytes);
        this.position = start.validBytes;
        fdatasyncSync(this.fd);
      }
    } catch (error) {
      throw fileError(path, 'write', error);
    }
  }

  add(body: { readonly [key: string]: Json }): void {
    this.queue.push(sealLine(body));
  }

  flush(): void {
    if (this.fd === null || this.queue.length === 0) return;
    const bytes = Buffer.from(this.queue.join(''));
    try {
      for (let written = 0; written < bytes.length;) {
        written += writeSync(this.fd, bytes, written, bytes.length - written, this.position + written);
      }
      this.position += bytes.length;
      fdatasyncSync(this.fd);
    } catch (error) {
      throw fileError(this.path, 'write', error);
    }
    this.queue = [];
  }

  close(): void {
    if (this.fd === null) return;
    closeSync(this.fd);
    this.fd = null;
  }
}

/** Where a record sits in its file. */
export interface RecordEntry {
  readonly kind: 'chunk' | 'cycle';
  /** The chunk index or the full-cycle task index. */
  readonly key: number;
  readonly line: number;
  readonly offset: number;
  readonly length: number;
}

export interface ScannedFile {
  readonly path: string;
  /** The header's body (null when the file has no valid first line). */
  readonly header: Record<string, unknown> | null;
  readonly records: RecordEntry[];
  /** The end record, when the file has one and everything before it is intact. */
  readonly end: { readonly records: number; readonly contentSha256: string } | null;
  /** The SHA-256 of every byte before the end record (as the end record states it, when intact). */
  readonly contentSha256: string;
  /** The SHA-256 of the records alone (header and end left out): what a shard computed, wherever it wrote it. */
  readonly recordsSha256: string;
  /** Bytes up to the end of the last intact line before any problem. */
  readonly validBytes: number;
  /** The first bad line (1-based) and what is wrong with it, or null. */
  readonly problem: { readonly line: number; readonly what: string } | null;
}

const RECORD_HEAD = /^\{"record":"(chunk|cycle)","key":(\d{1,15}),/;

/**
 * Reads a partial or checkpoint once, in constant memory (apart from one entry per record): checks
 * every line's seal, notes where each record is, and stops at the first bad line. The records'
 * contents are decoded later, one at a time (`readRecord`).
 */
export function scanRecordFile(path: string): ScannedFile {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw fileError(path, 'read', error);
  }
  const records: RecordEntry[] = [];
  const hash = createHash('sha256').update(CONTENT_DOMAIN);
  const recordsHash = createHash('sha256');
  let header: Record<string, unknown> | null = null;
  let end: ScannedFile['end'] = null;
  let problem: ScannedFile['problem'] = null;
  let validBytes = 0;
  let lineNumber = 0;
  let contentSha256 = '';
  const onLine = (bytes: Buffer, offset: number, terminated: boolean): boolean => {
    lineNumber++;
    const bad = (what: string): boolean => {
      problem = { line: lineNumber, what };
      return false;
    };
    if (!terminated) return bad('the file ends in the middle of this line (cut short)');
    if (end !== null) return bad('a line after the end record');
    const text = bytes.toString('utf8');
    const opened = openLine(text);
    if ('problem' in opened) return bad(opened.problem);
    const body = opened.body;
    if (lineNumber === 1) {
      if (body.record !== 'header') return bad('the first line is not a header');
      header = body;
    } else if (body.record === 'end') {
      contentSha256 = hash.digest('hex');
      if (body.records !== records.length)
        return bad(`the end record counts ${String(body.records)} records, the file holds ${records.length}`);
      if (body.contentSha256 !== contentSha256)
        return bad("the file's checksum (the end record's contentSha256) does not match its content");
      end = { records: records.length, contentSha256 };
    } else {
      const head = RECORD_HEAD.exec(text);
      if (head === null) return bad('not a chunk or full-cycle record');
      records.push({
        kind: head[1] as 'chunk' | 'cycle',
        key: Number(head[2]),
        line: lineNumber,
        offset,
        length: bytes.length,
      });
      recordsHash.update(bytes).update('\n');
    }
    if (end === null) hash.update(bytes).update('\n');
    validBytes = offset + bytes.length + 1;
    return true;
  };
  try {
    readLines(fd, onLine);
  } catch (error) {
    throw fileError(path, 'read', error);
  } finally {
    closeSync(fd);
  }
  if (end === null && contentSha256 === '') contentSha256 = hash.digest('hex');
  return {
    path,
    header,
    records,
    end,
    contentSha256,
    recordsSha256: recordsHash.digest('hex'),
    validBytes,
    problem,
  };
}

/** Calls `onLine` for every line of `fd` (bytes, file offset, whether a "\n" ended it) until it returns false. */
function readLines(
  fd: number,
  onLine: (bytes: Buffer, offset: number, terminated: boolean) => boolean,
): void {
  let buffer = Buffer.allocUnsafe(1 << 20);
  let filled = 0;
  let base = 0; // file offset of buffer[0]
  for (;;) {
    if (filled === buffer.length) {
      const bigger = Buffer.allocUnsafe(buffer.length * 2);
      buffer.copy(bigger, 0, 0, filled);
      buffer = bigger;
    }
    const got = readSync(fd, buffer, filled, buffer.length - filled, base + filled);
    filled += got;
    let start = 0;
    for (let nl = buffer.indexOf(10, start); nl !== -1 && nl < filled; nl = buffer.indexOf(10, start)) {
      if (!onLine(buffer.subarray(start, nl), base + start, true)) return;
      start = nl + 1;
    }
    if (got === 0) {
      if (start < filled) onLine(buffer.subarray(start, filled), base + start, false);
      return;
    }
    buffer.copy(buffer, 0, start, filled);
    filled -= start;
    base += start;
  }
}

/** A record's body, read again from its file and its seal checked again (the file may have changed). */
export function readRecord(path: string, entry: RecordEntry): Record<string, unknown> {
  const bytes = Buffer.allocUnsafe(entry.length);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw fileError(path, 'read', error);
  }
  try {
    let read = 0;
    while (read < entry.length) {
      const got = readSync(fd, bytes, read, entry.length - read, entry.offset + read);
      if (got === 0) break;
      read += got;
    }
    if (read < entry.length)
      throw new SlotsimError(
        'BAD_FILE',
        `${path}:${entry.line}: the file changed while it was merged (cut short)`,
      );
  } catch (error) {
    if (error instanceof SlotsimError) throw error;
    throw fileError(path, 'read', error);
  } finally {
    closeSync(fd);
  }
  const opened = openLine(bytes.toString('utf8'));
  if ('problem' in opened)
    throw new SlotsimError(
      'BAD_FILE',
      `${path}:${entry.line}: ${opened.problem} (the file changed while it was merged)`,
    );
  return opened.body;
}
