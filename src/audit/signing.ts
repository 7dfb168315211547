/**
 * Signed checkpoints: an Ed25519 key signs the chain head of a log every N records and at its end
 * (`play --signing-key`), and `verify --public-key` checks them. A plain SHA-256 chain can be
 * rebuilt by anyone after an edit, an HMAC chain by anyone who holds its key (the auditor too);
 * a signature only by the holder of the private key.
 */
import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileErrorReason, SlotsimError } from '../errors.js';
import { canonicalJson } from './canonical-json.js';

/** Checkpoints every this many round and void records, unless `--sign-every` says otherwise. */
export const DEFAULT_SIGN_EVERY = 1000;

/** Signed: this prefix, then the record's canonical JSON without its `signature` and `hash`. */
const SIGNATURE_DOMAIN = 'slotsim/audit/signature/v1\n';

export interface PublicSigningKey {
  readonly key: KeyObject;
  /** SHA-256 (hex) of the key's DER SubjectPublicKeyInfo. */
  readonly keyId: string;
}

export interface SigningKey extends PublicSigningKey {
  readonly privateKey: KeyObject;
}

/** The fingerprint of a public key: what `openssl pkey -pubin -in PUB.pem -outform DER | sha256sum` prints. */
export function keyIdOfPublicKey(key: KeyObject): string {
  return createHash('sha256')
    .update(key.export({ type: 'spki', format: 'der' }))
    .digest('hex');
}

function readPem(path: string, flag: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new SlotsimError('BAD_INPUT', `${flag}: cannot read ${path} (${fileErrorReason(error)})`, {
      cause: error,
    });
  }
}

function requireEd25519(key: KeyObject, path: string, flag: string): void {
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new SlotsimError(
      'BAD_INPUT',
      `${flag}: ${path} holds an ${key.asymmetricKeyType ?? 'unknown'} key; slotsim signs with Ed25519 (openssl genpkey -algorithm ed25519 -out key.pem)`,
    );
  }
}

/** Reads an Ed25519 private key (PEM, PKCS#8: what `openssl genpkey -algorithm ed25519` writes). */
export function readSigningKey(path: string, flag = '--signing-key'): SigningKey {
  const pem = readPem(path, flag);
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch (error) {
    throw new SlotsimError(
      'BAD_INPUT',
      `${flag}: ${path} is not a PEM private key (${error instanceof Error ? error.message : String(error)})`,
      { cause: error },
    );
  }
  requireEd25519(privateKey, path, flag);
  const key = createPublicKey(privateKey);
  return { privateKey, key, keyId: keyIdOfPublicKey(key) };
}

/** Reads an Ed25519 public key (PEM, SubjectPublicKeyInfo: what `openssl pkey -pubout` writes). */
export function readPublicKey(path: string, flag = '--public-key'): PublicSigningKey {
  const pem = readPem(path, flag);
  // createPublicKey derives the public key from a private one: an auditor must not need that file.
  if (pem.includes('PRIVATE KEY-----'))
    throw new SlotsimError(
      'BAD_INPUT',
      `${flag}: ${path} is a private key; give the public key (openssl pkey -in key.pem -pubout -out pub.pem)`,
    );
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch (error) {
    throw new SlotsimError(
      'BAD_INPUT',
      `${flag}: ${path} is not a PEM public key (${error instanceof Error ? error.message : String(error)})`,
      { cause: error },
    );
  }
  if (key.type !== 'public') {
    throw new SlotsimError(
      'BAD_INPUT',
      `${flag}: ${path} is a private key; give the public key (openssl pkey -in key.pem -pubout)`,
    );
  }
  requireEd25519(key, path, flag);
  return { key, keyId: keyIdOfPublicKey(key) };
}

/** What a record's signature covers: the domain and the record without `signature` and `hash`. */
function signedBytes(record: object): Buffer {
  const { signature: _signature, hash: _hash, ...body } = record as Record<string, unknown>;
  return Buffer.from(SIGNATURE_DOMAIN + canonicalJson(body));
}

/** The base64 Ed25519 signature of a record (its `signature` and `hash`, if any, left out). */
export function signRecord(record: object, key: SigningKey): string {
  return sign(null, signedBytes(record), key.privateKey).toString('base64');
}

/** Whether `record.signature` is the key's signature of the record. Never throws. */
export function signatureValid(record: object, key: PublicSigningKey): boolean {
  const signature = (record as { signature?: unknown }).signature;
  if (typeof signature !== 'string' || !/^[A-Za-z0-9+/]{86}==$/.test(signature)) return false;
  try {
    return verify(null, signedBytes(record), key.key, Buffer.from(signature, 'base64'));
  } catch {
    return false; // a malformed signature is an invalid one
  }
}
