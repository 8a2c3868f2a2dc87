/**
 * The string intrinsics of ASL-5: States.Format, StringSplit, Base64Encode, Base64Decode and Hash.
 */
import { createHash } from "node:crypto";
import { HASH_ALGORITHMS } from "../paths/intrinsic-functions.js";
import { describeValue, formatText, intrinsicError, stringArg, type IntrinsicImpl } from "./intrinsics-values.js";

/** Base64Encode, Base64Decode and Hash take at most this many characters of input (ASL-5). */
export const MAX_INTRINSIC_TEXT = 10_000;

/**
 * `States.Format(template, a1…an)`: the template with each `{}` replaced by the next argument (ASL-5). Arguments are
 * printed by `formatText`: strings as they are, `null`/numbers/booleans as JSON, objects and arrays as Java prints
 * them [obs: `test_format_1`, `test_format_2`, `test_context_json_path`]. In a template written as a string literal,
 * `\{` and `\}` are literal braces (so `'\{}'` prints `{}`); a template read from a path has no escapes. The number
 * of `{}` must equal the number of arguments after the template.
 */
export const statesFormat: IntrinsicImpl = (args, { name, rawStrings }) => {
  const template = stringArg(name, args, 0);
  const pieces = templatePieces(rawStrings[0] ?? template, rawStrings[0] !== undefined);
  const values = args.slice(1);
  if (pieces.length - 1 !== values.length) {
    throw intrinsicError(
      name,
      `the template has ${pieces.length - 1} placeholder(s) {} but ${values.length} argument(s) follow it`,
    );
  }
  let out = pieces[0] ?? "";
  values.forEach((value, i) => {
    out += formatText(value) + (pieces[i + 1] ?? "");
  });
  return out;
};

/**
 * The literal text around each `{}` of a template: n placeholders give n + 1 pieces. With `escaped`, `text` is the raw
 * literal and a backslash makes the next character literal (`\{`, `\}`, `\'`, `\\`).
 */
function templatePieces(text: string, escaped: boolean): string[] {
  const pieces: string[] = [];
  let piece = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? "";
    if (escaped && c === "\\" && i + 1 < text.length) {
      piece += text[i + 1] ?? "";
      i++;
    } else if (c === "{" && text[i + 1] === "}") {
      pieces.push(piece);
      piece = "";
      i++;
    } else {
      piece += c;
    }
  }
  pieces.push(piece);
  return pieces;
}

/**
 * `States.StringSplit(text, delimiters)`: the pieces of `text` between occurrences of any one character of
 * `delimiters`, empty pieces dropped [obs: `test_string_split`: `",,,,"` → `[]`, `" , "` → `[" ", " "]`,
 * `"This.is+a,test=string"` split on `".+,="` → five words; `test_string_split_context_object`]. Characters are whole
 * Unicode code points. An empty delimiter string leaves the text whole.
 */
export const stringSplit: IntrinsicImpl = (args, { name }) => {
  const text = stringArg(name, args, 0);
  const delimiters = new Set(stringArg(name, args, 1));
  const parts: string[] = [];
  let part = "";
  for (const c of text) {
    if (!delimiters.has(c)) {
      part += c;
    } else if (part !== "") {
      parts.push(part);
      part = "";
    }
  }
  if (part !== "") parts.push(part);
  return parts;
};

/** The text argument of Base64Encode, Base64Decode and Hash: a string of at most 10,000 characters. */
function limitedText(name: string, text: string): string {
  if (text.length > MAX_INTRINSIC_TEXT) {
    throw intrinsicError(name, `the input has ${text.length} characters; at most ${MAX_INTRINSIC_TEXT} are allowed`);
  }
  return text;
}

/** `States.Base64Encode(text)`: the Base64 (RFC 4648, padded) of the UTF-8 bytes of the text [obs: `test_base_64_encode`]. */
export const base64Encode: IntrinsicImpl = (args, { name }) => {
  const text = limitedText(name, stringArg(name, args, 0));
  return Buffer.from(text, "utf8").toString("base64");
};

/** Base64 text: the RFC 4648 alphabet, then at most two `=`; a length that no byte sequence encodes to is refused below. */
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * `States.Base64Decode(base64)`: the UTF-8 text the Base64 encodes [obs: `test_base_64_decode`]. Padding may be left
 * out; characters outside the alphabet, or a length no encoding produces, fail (Node's decoder would skip them).
 */
export const base64Decode: IntrinsicImpl = (args, { name }) => {
  const encoded = limitedText(name, stringArg(name, args, 0));
  const data = encoded.replace(/=+$/, "");
  const padded = data.length !== encoded.length;
  if (!BASE64.test(encoded) || data.length % 4 === 1 || (padded && encoded.length % 4 !== 0)) {
    throw intrinsicError(name, `${JSON.stringify(abbreviate(encoded))} is not valid Base64`);
  }
  return Buffer.from(data, "base64").toString("utf8");
};

/** node:crypto's name for each algorithm of States.Hash. */
const NODE_HASHES: Readonly<Record<(typeof HASH_ALGORITHMS)[number], string>> = {
  MD5: "md5",
  "SHA-1": "sha1",
  "SHA-256": "sha256",
  "SHA-384": "sha384",
  "SHA-512": "sha512",
};

/**
 * `States.Hash(data, algorithm)`: the lowercase hex digest of the UTF-8 bytes of `data` [obs: `test_hash` for SHA-1,
 * SHA-384 and SHA-512; `BASE_REFERENCE_IN_INTRINSIC_FUNCTION` for SHA-256]. Data that is not a string is hashed as its
 * compact JSON text. The algorithm is one of MD5, SHA-1, SHA-256, SHA-384, SHA-512, spelled exactly so.
 */
export const statesHash: IntrinsicImpl = (args, { name }) => {
  const data = args[0];
  const algorithm = stringArg(name, args, 1);
  const nodeName = (NODE_HASHES as Readonly<Record<string, string>>)[algorithm];
  if (!Object.hasOwn(NODE_HASHES, algorithm) || nodeName === undefined) {
    throw intrinsicError(
      name,
      `unsupported algorithm ${describeValue(algorithm)}; use one of ${HASH_ALGORITHMS.join(", ")}`,
    );
  }
  const text = limitedText(name, typeof data === "string" ? data : (JSON.stringify(data) ?? "null"));
  return createHash(nodeName).update(text, "utf8").digest("hex");
};

function abbreviate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
