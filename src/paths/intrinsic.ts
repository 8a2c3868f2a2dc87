/**
 * Parser for intrinsic function calls (ASL-5), the `States.…(…)` values of payload-template `.$` keys and of Fail
 * `ErrorPath`/`CausePath`:
 *
 *   call     = "States." name "(" [ argument { "," argument } ] ")"
 *   argument = 'string' | number | true | false | null | path | call
 *
 * Whitespace may surround arguments and follow the call, but not precede it. String literals use single quotes; the
 * only escapes are `\'`, `\{`, `\}` and `\\` (AWS rejects others such as `\"`, see the conformance case
 * `test_illegal_escapes[ESCAPE_SEQUENCES_ILLEGAL_INTRINSIC_FUNCTION_2]`). Paths are `$…`, `$$…` or `$name…`, parsed
 * with the JSONPath parser. Function names are not checked here (see `checkIntrinsic`).
 */
import { memoizeByText } from "./memo.js";
import type { ParseResult, PathAst, Span } from "./jsonpath-ast.js";
import { readEmbeddedPath } from "./jsonpath.js";
import { ParseFailure, Scanner, atKeyword, describeChar, isDigit, readNumber } from "./scanner.js";

/** A string literal. `value` is unescaped; `raw` is the text between the quotes with its escapes intact. */
export interface IntrinsicString extends Span {
  kind: "string";
  value: string;
  /** Needed by `States.Format`, where `\{` and `\}` are literal braces and `{}` a placeholder. */
  raw: string;
}

export interface IntrinsicNumber extends Span {
  kind: "number";
  value: number;
  raw: string;
}

export interface IntrinsicBoolean extends Span {
  kind: "boolean";
  value: boolean;
}

export interface IntrinsicNull extends Span {
  kind: "null";
}

export interface IntrinsicPath extends Span {
  kind: "path";
  path: PathAst;
}

/** A call `States.Name(args)`; `start`..`nameEnd` covers the name `States.Name`. */
export interface IntrinsicCall extends Span {
  kind: "call";
  /** The full name, e.g. `States.Format`. */
  name: string;
  nameEnd: number;
  args: IntrinsicArgument[];
}

export type IntrinsicArgument = IntrinsicString | IntrinsicNumber | IntrinsicBoolean | IntrinsicNull | IntrinsicPath | IntrinsicCall;

const PREFIX = "States.";
const STRING_ESCAPES = new Set(["'", "{", "}", "\\"]);

/** True when the text starts like an intrinsic call: `States.` + a name + `(`. */
export function looksLikeIntrinsic(text: string): boolean {
  return /^States\.[\p{L}\p{N}_]+\(/u.test(text);
}

/** Parses a whole intrinsic function call. Results are cached by text: never mutate them. */
export const parseIntrinsic: (text: string) => ParseResult<IntrinsicCall> = memoizeByText(parseIntrinsicUncached);

function parseIntrinsicUncached(text: string): ParseResult<IntrinsicCall> {
  const s = new Scanner(text);
  try {
    const call = readCall(s);
    s.skipWhitespace();
    if (!s.eof) s.fail(`unexpected ${describeChar(s.peek())} after the end of the call to ${call.name}`);
    return { ok: true, value: call };
  } catch (error) {
    if (error instanceof ParseFailure) return { ok: false, message: error.message, offset: error.offset };
    if (error instanceof RangeError) return { ok: false, message: "the call is nested too deeply to parse", offset: 0 };
    throw error;
  }
}

function readCall(s: Scanner): IntrinsicCall {
  const start = s.pos;
  if (!s.startsWith(PREFIX)) s.fail(`an intrinsic function call must start with "${PREFIX}"`);
  s.advance(PREFIX.length);
  const shortName = s.readIdentifier();
  if (shortName === "") s.fail(`expected a function name after "${PREFIX}", found ${describeChar(s.peek())}`);
  const name = PREFIX + shortName;
  const nameEnd = s.pos;
  if (s.peek() !== "(") s.fail(`expected "(" after ${name}, found ${describeChar(s.peek())}`);
  const open = s.pos;
  s.advance();
  const args: IntrinsicArgument[] = [];
  s.skipWhitespace();
  if (s.peek() !== ")") {
    for (;;) {
      s.skipWhitespace();
      args.push(readArgument(s));
      s.skipWhitespace();
      if (s.peek() === ",") {
        s.advance();
        continue;
      }
      if (s.peek() === ")") break;
      if (s.eof) s.fail(`expected ")" to close the call to ${name}`, open);
      s.fail(`expected "," or ")" after an argument of ${name}, found ${describeChar(s.peek())}`);
    }
  }
  s.advance();
  return { kind: "call", name, nameEnd, args, start, end: s.pos };
}

function readArgument(s: Scanner): IntrinsicArgument {
  const start = s.pos;
  const c = s.peek();
  if (c === "'") return readString(s);
  if (c === "$") {
    const path = readEmbeddedPath(s);
    return { kind: "path", path, start, end: s.pos };
  }
  if (c === "-" || isDigit(c)) {
    const value = readNumber(s);
    const raw = s.text.slice(start, s.pos);
    if (/^-?0\d/.test(raw)) s.fail(`a number cannot start with 0 followed by digits: ${raw}`, start);
    return { kind: "number", value, raw, start, end: s.pos };
  }
  if (s.startsWith(PREFIX)) return readCall(s);
  if (atKeyword(s)) {
    if (s.startsWith("null")) {
      s.advance(4);
      return { kind: "null", start, end: s.pos };
    }
    const value = s.startsWith("true");
    s.advance(value ? 4 : 5);
    return { kind: "boolean", value, start, end: s.pos };
  }
  if (c === '"') s.fail("string literals in intrinsic functions use single quotes ('…'), not double quotes");
  return s.fail(`expected an argument (a 'string', a number, true, false, null, a path or a States.… call), found ${describeChar(c)}`);
}

function readString(s: Scanner): IntrinsicString {
  const start = s.pos;
  s.advance();
  let value = "";
  for (;;) {
    const c = s.peek();
    if (c === "") s.fail("unterminated string literal: expected a closing '", start);
    if (c === "'") break;
    if (c === "\\") {
      const escaped = s.peek(1);
      if (!STRING_ESCAPES.has(escaped)) {
        s.fail(`invalid escape "\\${escaped}" in a string literal; only \\', \\{, \\} and \\\\ are allowed`);
      }
      value += escaped;
      s.advance(2);
      continue;
    }
    value += c;
    s.advance();
  }
  const raw = s.text.slice(start + 1, s.pos);
  s.advance();
  return { kind: "string", value, raw, start, end: s.pos };
}
