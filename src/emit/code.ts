import type { StateIR } from "../ir/types.js";
import type { Code, ExitKey } from "../structure/structure.js";
import { literal } from "./escape.js";
import { emitChoice } from "./states/choice.js";
import type { StateEmitContext } from "./states/context.js";
import { emitFail } from "./states/fail.js";
import { emitMap } from "./states/map.js";
import { emitParallel } from "./states/parallel.js";
import { emitPass } from "./states/pass.js";
import { emitSucceed } from "./states/succeed.js";
import { emitTask } from "./states/task.js";
import { emitWait } from "./states/wait.js";

/** Turn structured control flow into TypeScript statements (prettier lays them out afterwards). */
export interface CodeOptions {
  scopeFunction: (pointer: string) => string;
  /** Record `$$.State.EnteredTime` at every state (only when the definition reads it). */
  entersStates: boolean;
  /** The machine uses workflow variables: the scope's `vars` local exists (ASL-8). */
  variables: boolean;
}

export function emitCode(code: Code, options: CodeOptions): string {
  const scopeFunction = options.scopeFunction;
  switch (code.kind) {
    case "seq":
      return code.items.map((c) => emitCode(c, options)).join("");
    case "block":
      return `${code.label}: {\n${emitCode(code.body, options)}}\n`;
    case "loop":
      return `${code.labelled === true ? `${code.label}: ` : ""}while (true) {\n${emitCode(code.body, options)}}\n`;
    case "break":
      return `break ${code.label};\n`;
    case "continue":
      return `continue ${code.label};\n`;
    case "return":
      return "return data;\n";
    case "goto":
      return `next = ${literal(code.target)};\ncontinue ${code.label};\n`;
    case "dispatch": {
      const cases = code.cases.map((c) => `case ${literal(c.state.origin.name)}: {\n${emitCode(c.body, options)}}\n`).join("");
      return (
        `// The transitions of this scope form a cycle with several entries, so it runs as a dispatch loop.\n` +
        `let next: string = ${literal(code.entry)};\n` +
        `${code.label}: while (true) {\nswitch (next) {\n${cases}default:\nthrow new Error(\`unknown state \${next}\`);\n}\n}\n`
      );
    }
    case "state": {
      const context: StateEmitContext = {
        exit: (key: ExitKey) => {
          const exit = code.exits.get(key);
          if (!exit) throw new Error(`emit: state ${code.state.origin.name} has no exit ${key}`);
          return emitCode(exit, options);
        },
        scopeFunction,
        variables: options.variables,
      };
      const emitted = emitState(code.state, context);
      if (!options.entersStates) return emitted;
      // After the heading comment: record the entered time for `$$.State.EnteredTime`.
      const newline = emitted.indexOf("\n") + 1;
      return `${emitted.slice(0, newline)}await run.enter(ctx, ${literal(code.state.origin.name)});\n${emitted.slice(newline)}`;
    }
  }
}

/** One emitter per ASL construct. */
function emitState(state: StateIR, ctx: StateEmitContext): string {
  switch (state.kind) {
    case "pass":
      return emitPass(state, ctx);
    case "task":
      return emitTask(state, ctx);
    case "choice":
      return emitChoice(state, ctx);
    case "wait":
      return emitWait(state, ctx);
    case "succeed":
      return emitSucceed(state, ctx);
    case "fail":
      return emitFail(state, ctx);
    case "parallel":
      return emitParallel(state, ctx);
    case "map":
      return emitMap(state, ctx);
  }
}
