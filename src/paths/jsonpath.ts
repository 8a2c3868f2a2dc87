/**
 * Parser for ASL JSONPaths (ASL-4): Jayway JsonPath syntax with the ASL roots `$` (input), `$$` (context object) and
 * `$name` (workflow variable).
 *
 *   path     = root { segment } [ function ]
 *   root     = "$$" | "$" name | "$"                  ("@" inside filters and function arguments)
 *   segment  = "." name | "." "*" | "." bracket | bracket | ".." ( name | "*" | bracket )
 *   bracket  = "[" ( quoted { "," quoted } | "*" | index { "," index } | slice | "?(" filter ")" ) "]"
 *   slice    = [ index ] ":" [ index ] [ ":" [ index ] ]      (start or end required, as in Jayway)
 *   function = "." jaywayName "(" [ argument { "," argument } ] ")"      (must come last)
 *
 * Dot-notation names are read as Jayway reads them: up to the next `.`, `[` or `(`; they may hold `-`, `:`, `$` and
 * other punctuation, but not whitespace, quotes, `,`, `]` or `)` (and, inside filters, no operator characters).
 * Whitespace may follow a complete path, as Jayway trims it; none may precede it.
 */
import { memoizeByText } from "./memo.js";
import {
  JAYWAY_FUNCTIONS,
  type FunctionArgument,
  type JaywayFunctionName,
  type ParseResult,
  type PathAst,
  type PathFunction,
  type PathRoot,
  type Segment,
  type Selector,
} from "./jsonpath-ast.js";
import { readFilterExpression } from "./jsonpath-filter.js";
import { ParseFailure, Scanner, describeChar, isDigit, isIdentifierChar, isWhitespace, readInteger, readLiteral, readQuoted } from "./scanner.js";

export { formatPath, isDefinite, isReferencePath } from "./classify.js";

/**
 * Where a path is being read, which decides where it ends:
 * - `top`: the whole text is the path;
 * - `intrinsic`: an argument of an intrinsic function call (ends before `,`, `)` or whitespace);
 * - `filter`: an operand inside `[?(…)]` (also ends before operator characters), root `@` or `$`;
 * - `argument`: an argument of a path function such as `.append(…)`, root `@` or `$`.
 */
type Mode = "top" | "intrinsic" | "filter" | "argument";

const NAME_STOP = new Set([".", "[", "]", "(", ")", ",", "'", '"']);
const FILTER_NAME_STOP = new Set(["<", ">", "=", "!", "~", "&", "|"]);
const FUNCTIONS: ReadonlySet<string> = new Set(JAYWAY_FUNCTIONS);

/** Parses a complete JSONPath (`$…`, `$$…` or `$name…`). Results are cached by text: never mutate them. */
export const parsePath: (text: string) => ParseResult<PathAst> = memoizeByText(parsePathUncached);

function parsePathUncached(text: string): ParseResult<PathAst> {
  const s = new Scanner(text);
  try {
    return { ok: true, value: readPath(s, "top") };
  } catch (error) {
    if (error instanceof ParseFailure) return { ok: false, message: error.message, offset: error.offset };
    if (error instanceof RangeError) return { ok: false, message: "the path is nested too deeply to parse", offset: 0 };
    throw error;
  }
}

/**
 * Reads a path that starts at the cursor inside an intrinsic function call and stops before the `,`, `)` or
 * whitespace that follows it. Throws `ParseFailure` on a syntax error.
 */
export function readEmbeddedPath(s: Scanner): PathAst {
  return readPath(s, "intrinsic");
}

function readPath(s: Scanner, mode: Mode): PathAst {
  const start = s.pos;
  const root = readRoot(s, mode);
  const segments: Segment[] = [];
  let fn: PathFunction | null = null;
  for (;;) {
    const c = s.peek();
    if (c === "." && s.peek(1) === ".") {
      segments.push(readDescendant(s, mode));
    } else if (c === ".") {
      const segStart = s.pos;
      s.advance();
      const next = s.peek();
      if (next === "") s.fail('a path must not end with "."', segStart);
      if (next === "[") {
        segments.push(readBracket(s, mode, "child", segStart));
      } else if (next === "*") {
        s.advance();
        segments.push({ kind: "child", notation: "dot", selector: { kind: "wildcard" }, start: segStart, end: s.pos });
      } else {
        const name = readDotName(s, mode);
        if (s.peek() === "(") {
          fn = readFunction(s, name, segStart);
          break;
        }
        segments.push({ kind: "child", notation: "dot", selector: { kind: "name", name }, start: segStart, end: s.pos });
      }
    } else if (c === "[") {
      segments.push(readBracket(s, mode, "child", s.pos));
    } else {
      break;
    }
  }
  if (fn !== null && (s.peek() === "." || s.peek() === "[")) {
    s.fail(`the path function ${fn.name}() must be the last part of the path`);
  }
  const end = s.pos;
  if (mode === "top") expectEnd(s, segments);
  return { kind: "path", text: s.text.slice(start, end), root, segments, fn, start, end };
}

function readRoot(s: Scanner, mode: Mode): PathRoot {
  const inner = mode === "filter" || mode === "argument";
  if (s.peek() === "@") {
    if (!inner) s.fail('a path must start with "$"; "@" is only allowed inside a filter');
    s.advance();
    return { kind: "current" };
  }
  if (s.peek() !== "$") s.fail(`a path must start with "$", found ${describeChar(s.peek())}`);
  s.advance();
  if (s.peek() === "$") {
    if (inner) s.fail('expected "." or "[" after "$" (the context object "$$" is not available inside a filter)');
    s.advance();
    if (s.peek() === "$" || isIdentifierChar(s.peek())) s.fail(`expected "." or "[" after "$$", found ${describeChar(s.peek())}`);
    return { kind: "context" };
  }
  if (isIdentifierChar(s.peek())) {
    if (inner) s.fail(`expected "." or "[" after "$" (variables are not available inside a filter), found ${describeChar(s.peek())}`);
    return { kind: "variable", name: s.readIdentifier() };
  }
  return { kind: "input" };
}

/** True when `c` cannot be part of a dot-notation name in this mode. */
function endsName(c: string, mode: Mode): boolean {
  return c === "" || isWhitespace(c) || NAME_STOP.has(c) || (mode === "filter" && FILTER_NAME_STOP.has(c));
}

function readDotName(s: Scanner, mode: Mode): string {
  const start = s.pos;
  while (!endsName(s.peek(), mode)) s.advance();
  if (s.pos === start) s.fail(`expected a name after ".", found ${describeChar(s.peek())}`);
  return s.text.slice(start, s.pos);
}

function readDescendant(s: Scanner, mode: Mode): Segment {
  const start = s.pos;
  s.advance(2);
  const c = s.peek();
  if (c === "[") return readBracket(s, mode, "descendant", start);
  if (c === "*") {
    s.advance();
    return { kind: "descendant", notation: "dot", selector: { kind: "wildcard" }, start, end: s.pos };
  }
  if (endsName(c, mode)) s.fail(`expected a name, "*" or "[" after "..", found ${describeChar(c)}`);
  const name = readDotName(s, mode);
  if (s.peek() === "(") s.fail(`a path function cannot follow ".." directly; write "..${name}" without "()"`);
  return { kind: "descendant", notation: "dot", selector: { kind: "name", name }, start, end: s.pos };
}

function readBracket(s: Scanner, mode: Mode, kind: Segment["kind"], start: number): Segment {
  const open = s.pos;
  s.advance();
  s.skipWhitespace();
  const c = s.peek();
  let selector: Selector;
  if (c === "'" || c === '"') {
    selector = readNames(s);
  } else if (c === "*") {
    s.advance();
    selector = { kind: "wildcard" };
  } else if (c === "?") {
    s.advance();
    s.skipWhitespace();
    s.expect("(", 'after "?" to start the filter expression');
    const expression = readFilterExpression(s, (inner) => readPath(inner, "filter"));
    s.skipWhitespace();
    s.expect(")", "to close the filter expression");
    selector = { kind: "filter", expression };
  } else if (c === "-" || c === ":" || isDigit(c)) {
    selector = readIndexes(s);
  } else if (c === "(") {
    s.fail('script expressions such as "[(@.length-1)]" are not supported by Jayway JsonPath; use "[-1]"');
  } else {
    s.fail(`expected a quoted name, an index, a slice, "*" or a filter after "[", found ${describeChar(c)}`);
  }
  s.skipWhitespace();
  if (s.peek() !== "]") {
    s.fail(`expected "]" to close the bracket opened at offset ${open}, found ${describeChar(s.peek())}`);
  }
  s.advance();
  return { kind, notation: "bracket", selector, start, end: s.pos };
}

function readNames(s: Scanner): Selector {
  const names = [readQuoted(s)];
  for (;;) {
    s.skipWhitespace();
    if (s.peek() !== ",") break;
    s.advance();
    s.skipWhitespace();
    const c = s.peek();
    if (c !== "'" && c !== '"') s.fail(`expected a quoted name after ",", found ${describeChar(c)}`);
    names.push(readQuoted(s));
  }
  const [only] = names;
  return names.length === 1 && only !== undefined ? { kind: "name", name: only } : { kind: "names", names };
}

function readIndexes(s: Scanner): Selector {
  const first = s.peek() === ":" ? null : readInteger(s, "an array index");
  s.skipWhitespace();
  if (s.peek() === ":") {
    s.advance();
    s.skipWhitespace();
    const end = atInteger(s) ? readInteger(s, "a slice end") : null;
    s.skipWhitespace();
    let step: number | null = null;
    if (s.peek() === ":") {
      s.advance();
      s.skipWhitespace();
      step = atInteger(s) ? readInteger(s, "a slice step") : null;
    }
    if (first === null && end === null) s.fail('a slice needs a start or an end, as in "[1:]" or "[:2]"');
    return { kind: "slice", start: first, end, step };
  }
  if (first === null) return s.fail("expected an array index");
  if (s.peek() !== ",") return { kind: "index", index: first };
  const indexes = [first];
  while (s.peek() === ",") {
    s.advance();
    s.skipWhitespace();
    indexes.push(readInteger(s, "an array index"));
    s.skipWhitespace();
  }
  if (s.peek() === ":") s.fail("a slice cannot be combined with a list of indexes");
  return { kind: "indexes", indexes };
}

function atInteger(s: Scanner): boolean {
  return isDigit(s.peek()) || (s.peek() === "-" && isDigit(s.peek(1)));
}

function readFunction(s: Scanner, name: string, start: number): PathFunction {
  if (!FUNCTIONS.has(name)) {
    s.fail(`unknown path function "${name}()"; Jayway JsonPath has ${JAYWAY_FUNCTIONS.map((f) => `${f}()`).join(", ")}`, start + 1);
  }
  const open = s.pos;
  s.advance();
  const args: FunctionArgument[] = [];
  s.skipWhitespace();
  if (s.peek() === ")") {
    s.advance();
    return { name: name as JaywayFunctionName, args, start, end: s.pos };
  }
  for (;;) {
    s.skipWhitespace();
    const argStart = s.pos;
    if (s.peek() === "$" || s.peek() === "@") {
      args.push({ kind: "path", path: readPath(s, "argument"), start: argStart, end: s.pos });
    } else {
      args.push({ kind: "literal", value: readLiteral(s), start: argStart, end: s.pos });
    }
    s.skipWhitespace();
    if (s.peek() === ",") {
      s.advance();
      continue;
    }
    if (s.peek() === ")") break;
    if (s.eof) s.fail(`expected ")" to close the arguments of ${name}()`, open);
    s.fail(`expected "," or ")" after an argument of ${name}(), found ${describeChar(s.peek())}`);
  }
  s.advance();
  return { name: name as JaywayFunctionName, args, start, end: s.pos };
}

/** A complete path may only be followed by whitespace. */
function expectEnd(s: Scanner, segments: readonly Segment[]): void {
  const stop = s.pos;
  s.skipWhitespace();
  if (s.eof) return;
  if (stop < s.pos) {
    const last = segments[segments.length - 1];
    if (last?.notation === "dot" && last.selector.kind === "name" && !endsName(s.peek(), "top")) {
      s.fail(`a name in dot notation cannot contain whitespace; use bracket notation such as ['${last.selector.name} …']`, stop);
    }
    s.fail("unexpected whitespace inside the path", stop);
  }
  s.fail(`unexpected ${describeChar(s.peek())}; expected ".", "[" or the end of the path`);
}
