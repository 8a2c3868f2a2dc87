/**
 * The peer validator for the benchmark: asl-validator (a CommonJS package without type declarations), loaded through
 * `createRequire` and given the types of its documented API (`validator(definition, options) → { isValid, errors }`).
 *
 * asl-validator mutates its input (it writes `QueryLanguage` into every state), so callers must hand it a fresh copy of
 * each definition. Its default options (`checkPaths` and `checkArn` on) match asl2durable's defaults (`checkPaths`,
 * `checkArns`).
 */
import { createRequire } from "node:module";

export interface PeerError {
  "Error code": string;
  Message: string;
}

export interface PeerResult {
  isValid: boolean;
  errors: PeerError[];
}

export interface PeerOptions {
  checkPaths: boolean;
  checkArn: boolean;
}

type PeerValidator = (definition: unknown, options?: PeerOptions) => PeerResult;

const load = createRequire(import.meta.url);
const validator = load("asl-validator") as PeerValidator;
const manifest = load("asl-validator/package.json") as { version: string };

/** The installed asl-validator version (the benchmark prints it next to the results). */
export const PEER_VERSION: string = manifest.version;

export const PEER_OPTIONS: PeerOptions = { checkPaths: true, checkArn: true };

/** How asl-validator judged one definition: accepted, rejected with a first error, or threw (a crash, not a verdict). */
export type PeerVerdict = { kind: "accepted" } | { kind: "rejected"; firstError: string } | { kind: "threw"; message: string };

/**
 * Run asl-validator on `definition`. The definition is mutated: pass a copy that is not used again.
 * A throw is caught and reported as a verdict, since asl-validator crashes on some malformed definitions.
 */
export function peerValidate(definition: unknown): PeerVerdict {
  try {
    const result = validator(definition, PEER_OPTIONS);
    if (result.isValid) return { kind: "accepted" };
    const first = result.errors[0];
    return { kind: "rejected", firstError: first === undefined ? "(no error message)" : `${first["Error code"]}: ${first.Message}` };
  } catch (error) {
    return { kind: "threw", message: error instanceof Error ? error.message : String(error) };
  }
}
