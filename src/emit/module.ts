import { statePlaceholders } from "../ir/placeholders.js";
import { allStates, taskStates } from "../ir/walk.js";
import type { DistributedConfig, MachineIR, MapState, ScopeIR, StateIR, TaskState } from "../ir/types.js";
import { distributedImports } from "./states/map.js";
import { structureScope } from "../structure/structure.js";
import { emitCode } from "./code.js";
import { commentText, literal } from "./escape.js";
import { identifierFor } from "./identifiers.js";
import { importLines, wiringFor, type Wiring } from "./integrations.js";
import { render } from "./templates.js";

/** A Standard Step Functions execution runs for at most one year (365 days). */
const STANDARD_EXECUTION_SECONDS = 31_536_000;

export interface EmitOptions {
  /** The state machine's name, for `$$.StateMachine.Name` and the header. */
  stateMachineName: string;
  /** First lines of the file (already comment-safe). */
  header: string;
  /** The definition reads `$$.Execution.StartTime`. */
  readsStartTime: boolean;
  /** The definition reads `$$.State.EnteredTime`. */
  readsEnteredTime: boolean;
}

interface NestedScope {
  scope: ScopeIR;
  owner: StateIR;
  index: number;
}

/** Emit the TypeScript module for a machine: makeHandler, one function per Parallel branch and Map processor. */
export function emitModule(machine: MachineIR, options: EmitOptions): string {
  const nested = collectNested(machine.scope);
  const used = new Set<string>();
  const names = new Map<string, string>();
  for (const n of nested) {
    const base = n.owner.kind === "parallel" ? `${n.owner.origin.name} branch ${n.index}` : `${n.owner.origin.name} iteration`;
    names.set(n.scope.pointer, identifierFor(base, used, "scope"));
  }
  const scopeFunction = (pointer: string): string => {
    const name = names.get(pointer);
    if (!name) throw new Error(`emit: no function for scope ${pointer}`);
    return name;
  };
  // Workflow variables (ASL-8): one `vars` scope at the top level, and one per branch or iteration (a child of the
  // enclosing scope, which the runtime passes as `outer`). A machine without variables has none of it.
  const variables = machine.usesVariables === true;
  const scopes = nested.map((n) =>
    render("scope.ts.hbs", {
      name: scopeFunction(n.scope.pointer),
      title: commentText(
        n.owner.kind === "parallel" ? `Branch ${n.index} of "${n.owner.origin.name}" (Parallel).` : `One iteration of "${n.owner.origin.name}" (Map).`,
      ),
      variables,
      body: emitCode(structureScope(n.scope), { scopeFunction, entersStates: options.readsEnteredTime, variables }),
    }),
  );
  const tasks = taskStates(machine);
  const hasTasks = tasks.length > 0;
  const wirings = tasks.map((t) => wiringFor(t)).filter((w): w is Wiring => w !== undefined);
  // Credentials.RoleArn (ASL-6.2): clients for another role get their credentials from STS AssumeRole.
  const assumesRoles = tasks.some((t) => t.credentials !== undefined);
  for (const m of nested.map((n) => n.owner).filter((o): o is MapState => o.kind === "map" && o.distributed !== undefined)) {
    const names = distributedImports(m.distributed as DistributedConfig);
    if (names.length > 0) wirings.push({ imports: [{ from: "@aws-sdk/client-s3", names }] });
  }
  if (assumesRoles) wirings.push({ imports: [{ from: "@aws-sdk/client-sts", names: ["AssumeRoleCommand", "STSClient"] }] });
  // Deploy-time placeholders in Task parameters (and a Distributed Map's reader and writer) are replaced from makeHandler({ substitutions }), else the environment.
  const placeholders = allStates(machine).some(({ state }) => statePlaceholders(state).length > 0);
  const start = [
    `stateMachineName: ${literal(options.stateMachineName)}`,
    ...(options.readsStartTime ? ["startTime: true"] : []),
    ...(placeholders ? ["substitutions: options.substitutions"] : []),
  ];
  return render("module.ts.hbs", {
    header: options.header,
    imports: importLines(wirings),
    assumesRoles,
    hasTasks,
    placeholders,
    doc: machineDoc(machine, options.stateMachineName),
    scopes,
    startOptions: `{ ${start.join(", ")} }`,
    executionTimeout: literal(machine.timeoutSeconds ?? STANDARD_EXECUTION_SECONDS),
    timeoutDoc:
      machine.timeoutSeconds === undefined
        ? "no TimeoutSeconds in the machine: a Standard execution's limit, one year."
        : "the machine's TimeoutSeconds (a longer execution is ended, as States.Timeout would).",
    variables,
    body: emitCode(structureScope(machine.scope), { scopeFunction, entersStates: options.readsEnteredTime, variables }),
  });
}

function machineDoc(machine: MachineIR, name: string): string {
  const lines = [`The durable handler of the state machine "${name}".`];
  if (machine.comment) lines.push("", ...wrap(machine.comment, 110));
  lines.push("", "Each `// \"Name\" (Type)` comment below starts the code of one ASL state; the control flow follows its transitions.");
  return `/**\n${lines.map((l) => ` * ${commentText(l)}`.trimEnd()).join("\n")}\n */`;
}

/** Words of `text` in lines of at most `width` characters (a longer word gets a line of its own); line breaks kept. */
function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter((w) => w !== "")) {
      if (line !== "" && line.length + 1 + word.length > width) {
        out.push(line);
        line = word;
      } else {
        line = line === "" ? word : `${line} ${word}`;
      }
    }
    out.push(line);
  }
  return out;
}

/** Every Parallel branch and Map processor, depth-first in document order. */
function collectNested(scope: ScopeIR): NestedScope[] {
  const out: NestedScope[] = [];
  for (const state of scope.states) {
    if (state.kind === "parallel") {
      state.branches.forEach((b, index) => {
        out.push({ scope: b, owner: state, index });
        out.push(...collectNested(b));
      });
    } else if (state.kind === "map") {
      out.push({ scope: state.processor, owner: state, index: 0 });
      out.push(...collectNested(state.processor));
    }
  }
  return out;
}
