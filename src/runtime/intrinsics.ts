/**
 * Evaluation of the 18 intrinsic functions (ASL-5) as AWS Step Functions runs them, for JSONPath payload templates,
 * Fail `ErrorPath`/`CausePath` and JSONPath `Assign`. Arguments are evaluated first, left to right: literals as
 * written, paths with `evaluatePath` (ASL-4; a definite path that matches nothing throws `States.Runtime`), nested
 * calls innermost first. Then the function runs; the implementations live in `intrinsics-array.ts`,
 * `intrinsics-text.ts`, `intrinsics-json.ts` and `intrinsics-math.ts`.
 *
 * Every failure is a `StatesError`; bad arguments give `INTRINSIC_ERROR` (`States.Runtime`, see
 * `intrinsics-values.ts`). Nothing here modifies the call, the roots or the argument values.
 */
import { randomUUID } from "node:crypto";
import type { IntrinsicArgument, IntrinsicCall } from "../paths/intrinsic.js";
import { parseIntrinsic } from "../paths/intrinsic.js";
import { intrinsicFunction } from "../paths/intrinsic-functions.js";
import { StatesError } from "./errors.js";
import {
  arrayContains,
  arrayGetItem,
  arrayLength,
  arrayPartition,
  arrayRange,
  arrayUnique,
  statesArray,
} from "./intrinsics-array.js";
import { jsonMerge, jsonToString, stringToJson } from "./intrinsics-json.js";
import { mathAdd, mathRandom, statesUuid } from "./intrinsics-math.js";
import { base64Decode, base64Encode, statesFormat, statesHash, stringSplit } from "./intrinsics-text.js";
import { INTRINSIC_ERROR, type IntrinsicImpl, type IntrinsicRandom } from "./intrinsics-values.js";
import { evaluatePath } from "./jsonpath.js";
import type { PathRoots } from "./types.js";

export type { IntrinsicRandom } from "./intrinsics-values.js";
export { INTRINSIC_ERROR } from "./intrinsics-values.js";

/** The implementation of each function, by full name (ASL-5). */
const IMPLEMENTATIONS: ReadonlyMap<string, IntrinsicImpl> = new Map([
  ["States.Format", statesFormat],
  ["States.StringToJson", stringToJson],
  ["States.JsonToString", jsonToString],
  ["States.Array", statesArray],
  ["States.ArrayPartition", arrayPartition],
  ["States.ArrayContains", arrayContains],
  ["States.ArrayRange", arrayRange],
  ["States.ArrayGetItem", arrayGetItem],
  ["States.ArrayLength", arrayLength],
  ["States.ArrayUnique", arrayUnique],
  ["States.Base64Encode", base64Encode],
  ["States.Base64Decode", base64Decode],
  ["States.Hash", statesHash],
  ["States.JsonMerge", jsonMerge],
  ["States.MathRandom", mathRandom],
  ["States.MathAdd", mathAdd],
  ["States.StringSplit", stringSplit],
  ["States.UUID", statesUuid],
]);

/** Node's randomness: `crypto.randomUUID` and `Math.random`. */
const DEFAULT_RANDOM: IntrinsicRandom = { uuid: () => randomUUID(), random: () => Math.random() };

/**
 * Evaluate a parsed intrinsic call (ASL-5). Path arguments read `roots` (`$` input, `$$` context, `$name` variables).
 * `random` supplies States.UUID and unseeded States.MathRandom (default `crypto.randomUUID` / `Math.random`); generated
 * handlers call this inside a durable step so a replay sees the same values.
 */
export function evaluateIntrinsic(
  call: IntrinsicCall,
  roots: PathRoots,
  random: IntrinsicRandom = DEFAULT_RANDOM,
): unknown {
  const spec = intrinsicFunction(call.name);
  const implementation = IMPLEMENTATIONS.get(call.name);
  if (spec === undefined || implementation === undefined) {
    throw new StatesError(INTRINSIC_ERROR, `The intrinsic function ${call.name} does not exist`);
  }
  const count = call.args.length;
  if (count < spec.minArgs || count > spec.maxArgs) {
    throw new StatesError(
      INTRINSIC_ERROR,
      `Invalid arguments in ${call.name}: ${arityText(spec.minArgs, spec.maxArgs)}, got ${count}`,
    );
  }
  const args = call.args.map((arg) => evaluateArgument(arg, roots, random));
  const rawStrings = call.args.map((arg) => (arg.kind === "string" ? arg.raw : undefined));
  return implementation(args, { name: call.name, rawStrings, random });
}

/** Parse (memoised by text) and evaluate an intrinsic call; text that does not parse throws `States.Runtime`. */
export function callIntrinsic(text: string, roots: PathRoots, random?: IntrinsicRandom): unknown {
  const parsed = parseIntrinsic(text);
  if (!parsed.ok) {
    throw new StatesError(
      INTRINSIC_ERROR,
      `The value '${text}' is not a valid intrinsic function call: ${parsed.message} (at offset ${parsed.offset})`,
    );
  }
  return evaluateIntrinsic(parsed.value, roots, random);
}

function evaluateArgument(arg: IntrinsicArgument, roots: PathRoots, random: IntrinsicRandom): unknown {
  switch (arg.kind) {
    case "string":
    case "number":
    case "boolean":
      return arg.value;
    case "null":
      return null;
    case "path":
      return evaluatePath(arg.path, roots);
    case "call":
      return evaluateIntrinsic(arg, roots, random);
  }
}

function arityText(min: number, max: number): string {
  const plural = (n: number): string => `${n} argument${n === 1 ? "" : "s"}`;
  if (max === Infinity) return `expected at least ${plural(min)}`;
  if (min === max) return `expected ${plural(min)}`;
  return `expected ${min} to ${plural(max)}`;
}
