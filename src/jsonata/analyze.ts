import type { ExprNode, FilterStage, GroupBy, LambdaNode, PathNode, VariableNode } from "./expression.js";
import { isBuiltinFunction } from "./functions.js";

/**
 * Static analysis of one parsed JSONata expression, for the validator (ASL-3.2, ASL-8) and the code generator.
 *
 * Every position is JSONata's: the offset in the expression body where the token ENDS (see expression.ts). Every list
 * is sorted by position.
 */

/** A read of `$states.<member>…`. */
export interface StatesAccess {
  /** The first member: `input`, `result`, `errorOutput`, `context`, or anything else (`foo` in `$states.foo`). */
  readonly member: string;
  /**
   * The member and the plain field names that follow it: `["context", "Execution", "Id"]`. It stops at the first step
   * that is not a field name, and after a step that filters, binds or groups (`$states.input.items[0].x` gives
   * `["input", "items"]`), so it is always a plain object path.
   */
  readonly path: readonly string[];
  /** Position of the member's name. */
  readonly position: number;
}

export interface NamedReference {
  /** The name without `$`. */
  readonly name: string;
  readonly position: number;
}

/**
 * A read of the context item, which a Step Functions expression does not have (ASL-3.2): `$` or an unqualified field
 * at the top level, or `$$` anywhere.
 */
export interface ContextReference {
  readonly kind: "$" | "$$" | "field";
  readonly position: number;
  /** For `field`: the field name, or `*` / `**` for a wildcard / descendant step. */
  readonly name?: string;
}

export interface LocalBinding {
  readonly name: string;
  readonly position: number;
  /** `$x := …`, a lambda parameter, a focus binding `step@$x`, or an index binding `step#$x`. */
  readonly kind: "assignment" | "parameter" | "focus" | "index";
}

export interface JsonataAnalysis {
  /** Every `$states.<member>` read (the reserved variable, when not rebound locally). */
  readonly statesMembers: readonly StatesAccess[];
  /** Every `$states` read without a plain member after it (`$states`, `$keys($states)`, `$states.*`); position of `$states`. */
  readonly bareStates: ReadonlyArray<{ readonly position: number }>;
  /**
   * Every `$name` read that no local binding covers and that is not a built-in function: workflow variables (ASL-8),
   * plus calls of unknown functions (`$foo()` is also in {@link functionCalls}). Excludes `$`, `$$` and `$states`.
   */
  readonly freeVariables: readonly NamedReference[];
  /** Every `$name(…)` call (and `… ~> $name`) whose name is not bound locally, built-in or not. */
  readonly functionCalls: readonly NamedReference[];
  /** Built-in functions used as values rather than called: `$string` in `$map($xs, $string)`. */
  readonly functionValues: readonly NamedReference[];
  readonly contextReferences: readonly ContextReference[];
  readonly localBindings: readonly LocalBinding[];
}

/**
 * Variable scopes, following JSONata's evaluator: a block `( … )`, a lambda body and the whole expression each get a
 * frame, and `$x := …` binds in the nearest frame. A binding is visible to the LATER expressions of its block (and to
 * what they nest), not to the rest of the expression it sits in: JSONata evaluates array and object constructor
 * members concurrently, so `[$x := 1, $x]` does not see `$x`. Focus and index bindings (`@$x`, `#$x`) are visible to
 * the rest of their path. A lambda body is analysed once the whole expression has been walked, so it sees every binding
 * of the frames it closes over, including its own name (`$f := function(){ $f() }`), as JSONata closures do at call
 * time.
 */
class Scope {
  private readonly names = new Set<string>();
  private readonly pending: string[] = [];

  constructor(
    private readonly parent: Scope | undefined,
    /** True for a block, a lambda body or the root; false for the tail of a path after `@$x` / `#$x`. */
    private readonly isFrame: boolean,
  ) {}

  has(name: string): boolean {
    return this.names.has(name) || (this.parent?.has(name) ?? false);
  }

  /** Visible from now on (lambda parameters, focus/index bindings). */
  declare(name: string): void {
    this.names.add(name);
  }

  /** `$x := …`: visible from the next expression of the nearest frame. */
  assign(name: string): void {
    let scope: Scope = this;
    while (!scope.isFrame && scope.parent) scope = scope.parent;
    scope.pending.push(name);
  }

  /** End of a block member (or of the frame): its assignments become visible. */
  commit(): void {
    for (const name of this.pending) this.names.add(name);
    this.pending.length = 0;
  }
}

interface Collected {
  statesMembers: StatesAccess[];
  bareStates: Array<{ position: number }>;
  freeVariables: NamedReference[];
  functionCalls: NamedReference[];
  functionValues: NamedReference[];
  contextReferences: ContextReference[];
  localBindings: LocalBinding[];
}

/** Analyse a parsed expression (from {@link parseJsonata}); the AST is not modified. */
export function analyzeJsonata(ast: ExprNode): JsonataAnalysis {
  const out: Collected = {
    statesMembers: [],
    bareStates: [],
    freeVariables: [],
    functionCalls: [],
    functionValues: [],
    contextReferences: [],
    localBindings: [],
  };
  const lambdas: Array<{ node: LambdaNode; scope: Scope }> = [];

  const root = new Scope(undefined, true);
  // The whole expression is evaluated against the (absent) context item: `atTop` is true.
  walk(ast, root, true);
  root.commit();
  for (let next = lambdas.shift(); next; next = lambdas.shift()) {
    const body = new Scope(next.scope, true);
    for (const param of next.node.arguments) {
      body.declare(param.value);
      out.localBindings.push({ name: param.value, position: param.position, kind: "parameter" });
    }
    // ASL-3.2 allows `$` and field names "nested inside an expression"; a lambda body counts as nested.
    walk(next.node.body, body, false);
    body.commit();
  }

  const byPosition = <T extends { readonly position: number }>(list: T[]): T[] =>
    list.sort((a, b) => a.position - b.position);
  return {
    statesMembers: byPosition(out.statesMembers),
    bareStates: byPosition(out.bareStates),
    freeVariables: byPosition(out.freeVariables),
    functionCalls: byPosition(out.functionCalls),
    functionValues: byPosition(out.functionValues),
    contextReferences: byPosition(out.contextReferences),
    localBindings: byPosition(out.localBindings),
  };

  /**
   * `atTop`: the node is evaluated against the expression's own context item, i.e. at the top level in the sense of
   * ASL-3.2. False inside path steps after the first, predicates, sort terms, group-bys, transforms and lambda bodies,
   * where the context is the current item.
   */
  function walk(node: ExprNode, scope: Scope, atTop: boolean): void {
    switch (node.type) {
      case "path":
        walkPath(node, scope, atTop);
        return; // walkPath handles the path's own annotations
      case "variable":
        readVariable(node, scope, atTop);
        break;
      case "name":
        if (atTop) out.contextReferences.push({ kind: "field", position: node.position, name: node.value });
        break;
      case "wildcard":
      case "descendant":
        if (atTop) {
          const name = node.type === "wildcard" ? "*" : "**";
          out.contextReferences.push({ kind: "field", position: node.position ?? 0, name });
        }
        break;
      case "parent": // `%` is relative by definition; the parser rejects it where no parent can be derived
      case "string":
      case "number":
      case "value":
      case "regex":
      case "operator": // the `?` placeholder of a partial application
        break;
      case "bind":
        walk(node.rhs, scope, atTop);
        scope.assign(node.lhs.value);
        out.localBindings.push({ name: node.lhs.value, position: node.lhs.position, kind: "assignment" });
        break;
      case "apply":
        walk(node.lhs, scope, atTop);
        // `x ~> $f` calls `$f` with `x`; `x ~> $f(a)` is an ordinary call node with `x` prepended.
        if (node.rhs.type === "variable") {
          callVariable(node.rhs, scope, atTop);
          walkAnnotations(node.rhs, scope);
        } else {
          walk(node.rhs, scope, atTop);
        }
        break;
      case "binary":
        walk(node.lhs, scope, atTop);
        walk(node.rhs, scope, atTop);
        break;
      case "unary":
        if (node.value === "-") {
          walk(node.expression, scope, atTop);
        } else if (node.value === "[") {
          for (const item of node.expressions) walk(item, scope, atTop);
        } else {
          for (const [key, value] of node.lhs) {
            walk(key, scope, atTop);
            walk(value, scope, atTop);
          }
        }
        break;
      case "function":
      case "partial":
        if (node.procedure.type === "variable") {
          callVariable(node.procedure, scope, atTop);
          walkAnnotations(node.procedure, scope);
        } else {
          walk(node.procedure, scope, atTop);
        }
        for (const arg of node.arguments) walk(arg, scope, atTop);
        break;
      case "lambda":
        // A tail-call thunk is the parser's wrapper around a call already inside a lambda body.
        if (node.thunk) walk(node.body, scope, atTop);
        else lambdas.push({ node, scope });
        break;
      case "condition":
        walk(node.condition, scope, atTop);
        walk(node.then, scope, atTop);
        if (node.else) walk(node.else, scope, atTop);
        break;
      case "transform":
        // `| pattern | update, delete |` is a function of the object it transforms: all relative.
        walk(node.pattern, scope, false);
        walk(node.update, scope, false);
        if (node.delete) walk(node.delete, scope, false);
        break;
      case "block": {
        const block = new Scope(scope, true);
        for (const expression of node.expressions) {
          walk(expression, block, atTop);
          block.commit();
        }
        break;
      }
      case "sort":
        for (const term of node.terms) walk(term.expression, scope, false);
        break;
      default:
        return unreachable(node);
    }
    walkAnnotations(node, scope);
  }

  /** Filters `x[…]` and a group-by `x{…}` on a node that is not a path: both are relative to `x`'s items. */
  function walkAnnotations(node: ExprNode, scope: Scope): void {
    if (node.predicate) walkFilters(node.predicate, scope);
    if (node.type !== "path" && node.group) walkGroup(node.group, scope);
  }

  function walkFilters(filters: readonly FilterStage[], scope: Scope): void {
    for (const filter of filters) walk(filter.expr, scope, false);
  }

  function walkGroup(group: GroupBy, scope: Scope): void {
    for (const [key, value] of group.lhs) {
      walk(key, scope, false);
      walk(value, scope, false);
    }
  }

  function walkPath(path: PathNode, scope: Scope, atTop: boolean): void {
    let stepScope = scope;
    const bindInPath = (name: string, position: number, kind: "focus" | "index"): void => {
      if (stepScope === scope) stepScope = new Scope(scope, false);
      stepScope.declare(name);
      out.localBindings.push({ name, position, kind });
    };

    // The first step is evaluated against the path's context; later steps against the previous step's items,
    // except that a focus binding (`step@$x`) keeps the context of its step for the next one.
    let stepAtTop = atTop;
    path.steps.forEach((step, i) => {
      if (i === 0 && isStatesVariable(step, scope)) {
        recordStates(path);
        walkAnnotations(step, stepScope);
      } else {
        walk(step, stepScope, stepAtTop);
      }
      const position = step.position ?? 0;
      if (step.focus !== undefined) bindInPath(step.focus, position, "focus");
      if (step.index !== undefined) bindInPath(step.index, position, "index");
      for (const stage of step.stages ?? []) {
        if (stage.type === "filter") walk(stage.expr, stepScope, false);
        else bindInPath(stage.value, stage.position, "index");
      }
      stepAtTop = step.focus !== undefined ? stepAtTop : false;
    });
    if (path.group) walkGroup(path.group, stepScope);
  }

  /** The reserved `$states`, unless the expression rebinds it. */
  function isStatesVariable(node: ExprNode, scope: Scope): node is VariableNode {
    return node.type === "variable" && node.value === "states" && !scope.has("states");
  }

  /** `path` starts with the reserved `$states`. */
  function recordStates(path: PathNode): void {
    const [head, member, ...rest] = path.steps;
    if (member?.type !== "name") {
      out.bareStates.push({ position: head?.position ?? 0 });
      return;
    }
    const names = [member.value];
    let previous: ExprNode = member;
    for (const step of rest) {
      if (step.type !== "name" || reshapes(previous)) break;
      names.push(step.value);
      previous = step;
    }
    out.statesMembers.push({ member: member.value, path: names, position: member.position });
  }

  function readVariable(node: VariableNode, scope: Scope, atTop: boolean): void {
    const name = node.value;
    if (name === "") {
      if (atTop) out.contextReferences.push({ kind: "$", position: node.position });
    } else if (name === "$") {
      // ASL-3.2 (spec): "$$" always refers to the entire input document, so it is never allowed.
      out.contextReferences.push({ kind: "$$", position: node.position });
    } else if (scope.has(name)) {
      // a local binding
    } else if (name === "states") {
      out.bareStates.push({ position: node.position });
    } else if (isBuiltinFunction(name)) {
      out.functionValues.push({ name, position: node.position });
    } else {
      out.freeVariables.push({ name, position: node.position });
    }
  }

  function callVariable(node: VariableNode, scope: Scope, atTop: boolean): void {
    const name = node.value;
    if (name === "" || name === "$" || name === "states" || scope.has(name)) {
      readVariable(node, scope, atTop);
      return;
    }
    out.functionCalls.push({ name, position: node.position });
    if (!isBuiltinFunction(name)) out.freeVariables.push({ name, position: node.position });
  }
}

/** A step whose filters, bindings or grouping change what the following steps mean. */
function reshapes(step: ExprNode): boolean {
  return (
    step.stages !== undefined ||
    step.predicate !== undefined ||
    step.focus !== undefined ||
    step.index !== undefined ||
    step.group !== undefined
  );
}

function unreachable(node: never): never {
  throw new Error(`Unsupported JSONata node type: ${JSON.stringify((node as { type?: unknown }).type)}`);
}
