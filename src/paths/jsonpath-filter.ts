/**
 * Filter expressions of Jayway JsonPath, the `<expression>` of `[?(<expression>)]` (ASL-4):
 *
 *   or       = and { "||" and }
 *   and      = unary { "&&" unary }
 *   unary    = "!" unary | "(" or ")" | relation
 *   relation = operand [ operator operand ]      (without an operator the operand must be a path: an existence test)
 *   operand  = @-path | $-path | 'string' | "string" | number | true | false | null | [array] | {object} | /regex/flags
 *
 * Operators: == != < <= > >= =~ and the words in, nin, subsetof, anyof, noneof, size, empty (any letter case).
 * Whitespace may separate all tokens.
 */
import {
  FILTER_OPERATORS,
  type FilterExpression,
  type FilterOperand,
  type FilterOperator,
  type PathAst,
} from "./jsonpath-ast.js";
import { atKeyword, describeChar, isDigit, isIdentifierChar, readLiteral, type Scanner } from "./scanner.js";

/** Reads a path whose root (`@` or `$`) is at the cursor, stopping where the path ends inside a filter. */
export type FilterPathReader = (s: Scanner) => PathAst;

/** Flags Jayway accepts after a regex literal (java.util.regex flags: d i x m s u U). */
const REGEX_FLAGS = new Set(["d", "i", "x", "m", "s", "u", "U"]);

const WORD_OPERATORS: ReadonlySet<string> = new Set(FILTER_OPERATORS.filter((op) => /^[a-z]+$/.test(op)));

/**
 * Reads the expression of a filter. The cursor is just after `[?(`; the caller consumes the closing `)]`.
 */
export function readFilterExpression(s: Scanner, readPath: FilterPathReader): FilterExpression {
  return new FilterParser(s, readPath).or();
}

class FilterParser {
  constructor(
    private readonly s: Scanner,
    private readonly readPath: FilterPathReader,
  ) {}

  or(): FilterExpression {
    return this.chain("||", "or", () => this.and());
  }

  private and(): FilterExpression {
    return this.chain("&&", "and", () => this.unary());
  }

  private chain(token: string, kind: "or" | "and", next: () => FilterExpression): FilterExpression {
    const first = next();
    const operands = [first];
    for (;;) {
      this.s.skipWhitespace();
      if (!this.s.startsWith(token)) break;
      this.s.advance(token.length);
      operands.push(next());
    }
    if (operands.length === 1) return first;
    const last = operands[operands.length - 1] ?? first;
    return { kind, operands, start: first.start, end: last.end };
  }

  private unary(): FilterExpression {
    const s = this.s;
    s.skipWhitespace();
    const start = s.pos;
    if (s.peek() === "!" && s.peek(1) !== "=") {
      s.advance();
      const operand = this.unary();
      return { kind: "not", operand, start, end: operand.end };
    }
    if (s.peek() === "(") {
      s.advance();
      const inner = this.or();
      s.skipWhitespace();
      s.expect(")", "to close the parenthesis");
      return inner;
    }
    return this.relation();
  }

  private relation(): FilterExpression {
    const s = this.s;
    const left = this.operand(false);
    s.skipWhitespace();
    const operator = this.operator();
    if (operator === undefined) {
      if (left.kind === "path") return { kind: "exists", path: left.path, start: left.start, end: left.end };
      return s.fail(`expected a comparison operator after the value, found ${describeChar(s.peek())}`);
    }
    s.skipWhitespace();
    const right = this.operand(true);
    return { kind: "compare", operator, left, right, start: left.start, end: right.end };
  }

  /** Reads a relational operator at the cursor, or returns undefined when there is none. */
  private operator(): FilterOperator | undefined {
    const s = this.s;
    const start = s.pos;
    for (const op of ["==", "!=", "<=", ">=", "=~", "<", ">"] as const) {
      if (!s.startsWith(op)) continue;
      if ((op === "==" || op === "!=") && s.peek(2) === "=") s.fail(`the operator "${op}=" is not supported; use "${op}"`);
      s.advance(op.length);
      return op;
    }
    if (s.peek() === "=") s.fail('expected "==" to compare, found a single "="');
    if (!isIdentifierChar(s.peek())) return undefined;
    const word = s.readIdentifier();
    const lower = word.toLowerCase();
    if (WORD_OPERATORS.has(lower)) return lower as FilterOperator;
    return s.fail(`unknown filter operator "${word}"`, start);
  }

  private operand(rightHandSide: boolean): FilterOperand {
    const s = this.s;
    s.skipWhitespace();
    const start = s.pos;
    const c = s.peek();
    if (c === "@" || c === "$") {
      const path = this.readPath(s);
      return { kind: "path", path, start, end: s.pos };
    }
    if (c === "/") return this.regex();
    if (c === "'" || c === '"' || c === "-" || c === "[" || c === "{" || isDigit(c) || atKeyword(s)) {
      const value = readLiteral(s);
      return { kind: "literal", value, start, end: s.pos };
    }
    if (rightHandSide && isIdentifierChar(c)) {
      const word = s.readIdentifier();
      return { kind: "bareword", word, start, end: s.pos };
    }
    return s.fail(`expected a path or a value in the filter, found ${describeChar(c)}`);
  }

  private regex(): FilterOperand {
    const s = this.s;
    const start = s.pos;
    s.advance();
    let pattern = "";
    for (;;) {
      const c = s.peek();
      if (c === "") s.fail('unterminated regular expression: expected a closing "/"', start);
      s.advance();
      if (c === "/") break;
      if (c === "\\" && s.peek() !== "") {
        pattern += c + s.peek();
        s.advance();
        continue;
      }
      pattern += c;
    }
    let flags = "";
    while (isIdentifierChar(s.peek())) {
      const flag = s.peek();
      if (!REGEX_FLAGS.has(flag)) s.fail(`unknown regular expression flag "${flag}" (allowed: d, i, m, s, u, U, x)`);
      flags += flag;
      s.advance();
    }
    return { kind: "regex", pattern, flags, start, end: s.pos };
  }
}
