/**
 * Character-level helpers shared by the JSONPath and intrinsic-function parsers: a cursor over the text, the parse
 * failure it raises, and the literals of Jayway filters and path-function arguments (quoted strings, numbers,
 * keywords, JSON arrays and objects).
 */
import type { JsonValue } from "./jsonpath-ast.js";

/** Raised inside the parsers and turned into a `ParseResult` failure at the public entry points. */
export class ParseFailure extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = "ParseFailure";
  }
}

export function isWhitespace(c: string): boolean {
  return c === " " || c === "\t" || c === "\n" || c === "\r";
}

export function isDigit(c: string): boolean {
  return c >= "0" && c <= "9";
}

/** Letters, digits and `_` (Unicode letters and digits included): the characters of variable and function names. */
export function isIdentifierChar(c: string): boolean {
  return c.length > 0 && /^[\p{L}\p{N}_]$/u.test(c);
}

/** How a character is named in messages: `"x"`, or `the end of the text`. */
export function describeChar(c: string): string {
  return c === "" ? "the end of the text" : JSON.stringify(c);
}

export class Scanner {
  constructor(
    readonly text: string,
    public pos = 0,
  ) {}

  get eof(): boolean {
    return this.pos >= this.text.length;
  }

  /** The character `ahead` positions from the cursor, or "" past the end. */
  peek(ahead = 0): string {
    return this.text.charAt(this.pos + ahead);
  }

  startsWith(s: string): boolean {
    return this.text.startsWith(s, this.pos);
  }

  advance(n = 1): void {
    this.pos += n;
  }

  skipWhitespace(): void {
    while (isWhitespace(this.peek())) this.pos++;
  }

  fail(message: string, offset = this.pos): never {
    throw new ParseFailure(message, offset);
  }

  /** Consumes `c`, or fails with `expected "c" <why>`. */
  expect(c: string, why: string): void {
    if (this.peek() !== c) this.fail(`expected "${c}" ${why}, found ${describeChar(this.peek())}`);
    this.pos++;
  }

  /** Reads a run of identifier characters (possibly empty). */
  readIdentifier(): string {
    const start = this.pos;
    while (isIdentifierChar(this.peek())) this.pos++;
    return this.text.slice(start, this.pos);
  }
}

const SIMPLE_ESCAPES: Record<string, string> = { b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

/**
 * Reads a string quoted with `'` or `"` (the cursor is on the opening quote) and returns its unescaped value. Escapes
 * follow Jayway's `Utils.unescape`: `\\`, `\'`, `\"`, `\b \f \n \r \t`, `\uXXXX`; any other escaped character stands
 * for itself.
 */
export function readQuoted(s: Scanner): string {
  const quote = s.peek();
  const start = s.pos;
  s.advance();
  let value = "";
  for (;;) {
    const c = s.peek();
    if (c === "") s.fail(`unterminated string: expected a closing ${quote}`, start);
    s.advance();
    if (c === quote) return value;
    if (c !== "\\") {
      value += c;
      continue;
    }
    const e = s.peek();
    if (e === "") s.fail(`unterminated string: expected a closing ${quote}`, start);
    if (e === "u") {
      const hex = s.text.slice(s.pos + 1, s.pos + 5);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) s.fail("expected four hexadecimal digits after \\u", s.pos - 1);
      value += String.fromCharCode(parseInt(hex, 16));
      s.advance(5);
      continue;
    }
    value += SIMPLE_ESCAPES[e] ?? e;
    s.advance();
  }
}

/** Reads an optionally negative integer, or fails. */
export function readInteger(s: Scanner, what: string): number {
  const start = s.pos;
  if (s.peek() === "-") s.advance();
  if (!isDigit(s.peek())) s.fail(`expected ${what}, found ${describeChar(s.peek())}`);
  while (isDigit(s.peek())) s.advance();
  const value = Number(s.text.slice(start, s.pos));
  if (value > 2147483647 || value < -2147483648) s.fail(`${what} ${s.text.slice(start, s.pos)} is out of range`, start);
  return value;
}

/** Reads a JSON-style number (`-`, digits, optional fraction and exponent). */
export function readNumber(s: Scanner): number {
  const start = s.pos;
  if (s.peek() === "-") s.advance();
  if (!isDigit(s.peek())) s.fail(`expected a digit, found ${describeChar(s.peek())}`);
  while (isDigit(s.peek())) s.advance();
  if (s.peek() === "." && isDigit(s.peek(1))) {
    s.advance();
    while (isDigit(s.peek())) s.advance();
  }
  if ((s.peek() === "e" || s.peek() === "E") && (isDigit(s.peek(1)) || ((s.peek(1) === "+" || s.peek(1) === "-") && isDigit(s.peek(2))))) {
    s.advance(2);
    while (isDigit(s.peek())) s.advance();
  }
  if (isIdentifierChar(s.peek()) || s.peek() === ".") s.fail(`malformed number "${s.text.slice(start, s.pos + 1)}"`, start);
  return Number(s.text.slice(start, s.pos));
}

const KEYWORDS: ReadonlyMap<string, JsonValue> = new Map<string, JsonValue>([
  ["true", true],
  ["false", false],
  ["null", null],
]);

/** True when the cursor is on `true`, `false` or `null` as a whole word. */
export function atKeyword(s: Scanner): boolean {
  for (const word of KEYWORDS.keys()) {
    if (s.startsWith(word) && !isIdentifierChar(s.peek(word.length))) return true;
  }
  return false;
}

/**
 * Reads a literal of a filter or path-function argument: a quoted string, a number, `true`/`false`/`null`, or a JSON
 * array or object whose strings may use either quote (Jayway parses these with the lenient json-smart reader).
 */
export function readLiteral(s: Scanner): JsonValue {
  const c = s.peek();
  if (c === "'" || c === '"') return readQuoted(s);
  if (c === "-" || isDigit(c)) return readNumber(s);
  if (c === "[") return readArray(s);
  if (c === "{") return readObject(s);
  for (const [word, value] of KEYWORDS) {
    if (s.startsWith(word) && !isIdentifierChar(s.peek(word.length))) {
      s.advance(word.length);
      return value;
    }
  }
  return s.fail(`expected a value, found ${describeChar(c)}`);
}

function readArray(s: Scanner): JsonValue[] {
  const open = s.pos;
  s.advance();
  const items: JsonValue[] = [];
  s.skipWhitespace();
  if (s.peek() === "]") {
    s.advance();
    return items;
  }
  for (;;) {
    s.skipWhitespace();
    items.push(readLiteral(s));
    s.skipWhitespace();
    if (s.peek() === ",") {
      s.advance();
      continue;
    }
    if (s.peek() === "]") {
      s.advance();
      return items;
    }
    if (s.eof) s.fail('expected "]" to close the array', open);
    s.fail(`expected "," or "]" in the array, found ${describeChar(s.peek())}`);
  }
}

function readObject(s: Scanner): { [key: string]: JsonValue } {
  const open = s.pos;
  s.advance();
  const members: { [key: string]: JsonValue } = {};
  s.skipWhitespace();
  if (s.peek() === "}") {
    s.advance();
    return members;
  }
  for (;;) {
    s.skipWhitespace();
    if (s.peek() !== "'" && s.peek() !== '"') s.fail(`expected a quoted member name, found ${describeChar(s.peek())}`);
    const key = readQuoted(s);
    s.skipWhitespace();
    s.expect(":", "after the member name");
    s.skipWhitespace();
    // defineProperty, not assignment: a member named "__proto__" must stay an ordinary member.
    Object.defineProperty(members, key, { value: readLiteral(s), enumerable: true, writable: true, configurable: true });
    s.skipWhitespace();
    if (s.peek() === ",") {
      s.advance();
      continue;
    }
    if (s.peek() === "}") {
      s.advance();
      return members;
    }
    if (s.eof) s.fail('expected "}" to close the object', open);
    s.fail(`expected "," or "}" in the object, found ${describeChar(s.peek())}`);
  }
}
