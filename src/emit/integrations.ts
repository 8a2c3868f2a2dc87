import { hasPlaceholder } from "../asl/integrations.js";
import { awsSdkBinding, optimisedBinding } from "../asl/services.js";
import { taskPlaceholders } from "../ir/placeholders.js";
import type { TaskState } from "../ir/types.js";
import { syncJobFor } from "../runtime/sync/jobs.js";
import { literal } from "./escape.js";

/**
 * The default wiring of a Task's Resource (ASL-6.2) in generated code: the runtime call that performs the integration,
 * and the AWS SDK v3 classes the module imports for it (src/asl/services.ts names them). Lambda function ARNs and
 * `lambda:invoke` need nothing: the runtime wires them itself. A `tasks[name]` override always wins over this wiring.
 */
export interface Wiring {
  /** A TypeScript expression of type TaskOverride, or undefined when the runtime's own wiring applies. */
  expression?: string;
  /** Named imports by package. */
  imports: ReadonlyArray<{ from: string; names: readonly string[] }>;
}

const NONE: Wiring = { imports: [] };

/** The wiring of one Task; `undefined` means the resource cannot be wired (lowering reports it). */
export function wiringFor(state: TaskState): Wiring | undefined {
  const kind = state.integration;
  switch (kind.kind) {
    case "lambda-arn":
      // A placeholder in the function's ARN is resolved when the Task runs (ASL904 warns).
      return hasPlaceholder(state.resource) ? { expression: `asl.deployTimeResource(${literal(state.resource)}, options)`, imports: [] } : NONE;
    case "aws-sdk": {
      const b = awsSdkBinding(kind.service, kind.action);
      if (b === undefined) return undefined;
      return {
        expression: `asl.aws.awsSdk(${b.client}, ${b.command}, { errorPrefix: ${literal(b.errorPrefix)} })`,
        imports: [{ from: b.package, names: [b.client, b.command] }],
      };
    }
    case "optimised": {
      if (kind.pattern === "sync" || kind.pattern === "sync:2") {
        const job = syncJobFor(state.resource);
        if (job === undefined) return undefined;
        const { sdk } = job;
        return { expression: `asl.syncJob(${sdk.client}, ${sdk.start}, ${sdk.describe})`, imports: [{ from: sdk.package, names: [sdk.client, sdk.start, sdk.describe] }] };
      }
      const b = optimisedBinding(kind.service, kind.action);
      if (b === undefined) return undefined;
      switch (b.kind) {
        case "lambda":
          return NONE;
        case "sdk":
          return { expression: `asl.aws.optimised(${b.client}, ${b.command}, asl.aws.${b.adapter})`, imports: [{ from: b.package, names: [b.client, b.command] }] };
        case "http":
          // HTTP Tasks take their connection credentials and request signer from the handler's options.
          return b.adapter === "httpInvoke" ? { expression: "asl.aws.httpInvoke(options.http)", imports: [] } : { expression: "asl.aws.apiGatewayInvoke(options.apiGateway)", imports: [] };
      }
      break;
    }
    case "activity":
      return { expression: "asl.activity(options)", imports: [] };
    case "placeholder":
      // The placeholder hides what the Resource is: resolved when the Task runs; a Lambda function is called.
      return { expression: `asl.deployTimeResource(${literal(state.resource)}, options)`, imports: [] };
    case "invalid":
      return undefined;
  }
}

/** The `import { … } from "…";` lines for a set of wirings, merged per package and sorted. */
export function importLines(wirings: readonly Wiring[]): string[] {
  const byPackage = new Map<string, Set<string>>();
  for (const w of wirings) {
    for (const i of w.imports) {
      const names = byPackage.get(i.from) ?? new Set<string>();
      for (const n of i.names) names.add(n);
      byPackage.set(i.from, names);
    }
  }
  return [...byPackage]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([from, names]) => `import { ${[...names].sort().join(", ")} } from ${literal(from)};`);
}

/**
 * What a reader of the generated code must know about a Task's integration, as comment lines: how workers answer a
 * callback, which handler options an HTTP Task or an activity needs, where a deploy-time placeholder comes from.
 */
export function integrationNotes(state: TaskState): string[] {
  return [...integrationKindNotes(state), ...placeholderNotes(taskPlaceholders(state), "Task")];
}

/** Where a state's deploy-time placeholders get their values, as a comment line (none without placeholders). */
export function placeholderNotes(names: readonly string[], what: "Task" | "state"): string[] {
  if (names.length === 0) return [];
  const values = names.length === 1 ? "a deploy-time value" : "deploy-time values";
  return [`${names.map((n) => `\${${n}}`).join(", ")}: ${values}, replaced when the ${what} runs from makeHandler({ substitutions }) or the environment.`];
}

function integrationKindNotes(state: TaskState): string[] {
  const kind = state.integration;
  const parameters = state.queryLanguage === "JSONata" ? "$states.context.Task.Token" : "$$.Task.Token";
  const callback = [
    `Waits for a durable callback whose id is the task token (${parameters}). The worker answers`,
    "with the Lambda APIs SendDurableExecutionCallbackSuccess (Result: JSON text) or …Failure (Error:",
    "the ASL error name) and keeps it alive with …Heartbeat; not SendTaskSuccess/Failure/Heartbeat.",
  ];
  if (kind.kind === "activity") return ["Activity: makeHandler({ activities: { [arn]: dispatch } }) hands each task to its worker.", ...callback];
  if ((kind.kind === "optimised" || kind.kind === "aws-sdk") && kind.pattern === "waitForTaskToken") return callback;
  if (kind.kind === "optimised" && (kind.pattern === "sync" || kind.pattern === "sync:2")) {
    return ["Runs the job and waits: a step starts it, then durable waits poll its status (no compute meanwhile)."];
  }
  if (kind.kind === "optimised" && kind.service === "http") return ["http:invoke: makeHandler({ http: { connection } }) adds the EventBridge connection's credentials."];
  if (kind.kind === "optimised" && kind.service === "apigateway") return ["apigateway:invoke: AuthType IAM_ROLE or RESOURCE_POLICY needs makeHandler({ apiGateway: { signer } })."];
  if (kind.kind === "placeholder" || (kind.kind === "lambda-arn" && hasPlaceholder(state.resource))) {
    return ["The Resource is resolved when the Task runs: ${Name} from makeHandler({ substitutions }) or the environment."];
  }
  return [];
}
