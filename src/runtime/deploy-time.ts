import { classifyResource } from "../asl/integrations.js";
import { StatesError } from "./errors.js";
import type { Run } from "./execution.js";
import { environmentVariable, fillPlaceholders } from "./placeholders.js";
import { lambdaFunction, lambdaInvoke } from "./lambda.js";
import type { HandlerOptions, TaskInfo, TaskOverride } from "./task.js";

/**
 * `value` with the placeholders `names` replaced (in its strings and keys), as Step Functions replaces
 * DefinitionSubstitutions in the definition's text before it runs: the values come from `placeholderValue`. Other
 * `${…}` text is left as written. A name without a value is States.Runtime.
 */
export function resolvePlaceholders<T>(value: T, names: readonly string[], substitutions: Readonly<Record<string, string>>, info: Pick<TaskInfo, "state" | "stateMachineArn">): T {
  if (names.length === 0) return value;
  const wanted = new Set(names);
  const text = (s: string): string => fillPlaceholders(s, (name) => (wanted.has(name) ? placeholderValue(name, substitutions, info, "its definition") : undefined));
  const visit = (v: unknown): unknown => {
    if (typeof v === "string") return text(v);
    if (Array.isArray(v)) return v.map(visit);
    if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [text(k), visit(x)]));
    return v;
  };
  return visit(value) as T;
}

/**
 * Task Resources that hold deploy-time placeholders (`${CheckPriceFnArn}`, a CloudFormation `Ref`/`Fn::GetAtt`, SAM
 * DefinitionSubstitutions): the value is only known where the machine is deployed. The handler resolves each
 * `${Name}` when the Task runs (`placeholderValue`: `makeHandler({ substitutions })`, the environment, the function's
 * ARN for pseudo parameters).
 *
 * What the resolved Resource is, is learned only then: a Lambda function ARN (or `lambda:invoke`) is called as usual;
 * any other integration needs wiring chosen at transpile time, so the Task fails with States.Runtime and says to
 * transpile the substituted definition (`--substitutions`). The transpiler warns about every such Resource (ASL904).
 */
export function deployTimeResource(template: string, options: HandlerOptions): TaskOverride {
  return async (input, info) => {
    const resolved = substitute(template, options.substitutions ?? {}, info);
    const kind = classifyResource(resolved);
    if (kind.kind === "lambda-arn") return lambdaFunction(resolved)(input, info);
    if (kind.kind === "optimised" && kind.service === "lambda" && kind.action === "invoke" && kind.pattern === "request-response") return lambdaInvoke(input, info);
    throw new StatesError(
      "States.Runtime",
      `Resource ${JSON.stringify(template)} of state ${JSON.stringify(info.state)} resolved to ${JSON.stringify(resolved)}, which is not a Lambda function: transpile the definition with its substitutions (asl2durable transpile --substitutions) so that this integration is wired`,
    );
  };
}

/** Replace every `${Name}` of a Resource (see deployTimeResource for the sources, in order). */
export function substitute(template: string, substitutions: Readonly<Record<string, string>>, info: Pick<TaskInfo, "state" | "stateMachineArn">): string {
  return template.replace(/\$\{([^}]*)\}/g, (_match, name: string) => placeholderValue(name, substitutions, info, "its Resource"));
}

/**
 * The value of one placeholder: `makeHandler({ substitutions })`, else the environment variable of that name (or of
 * `environmentVariable(name)`), else, for `AWS::Region`, `AWS::AccountId` and `AWS::Partition`, the function's own ARN
 * (the state machine ARN the run derives from it). None: States.Runtime naming the variable to set.
 */
function placeholderValue(name: string, substitutions: Readonly<Record<string, string>>, info: Pick<TaskInfo, "state" | "stateMachineArn">, where: string): string {
  const [, partition = "", , region = "", account = ""] = info.stateMachineArn.split(":");
  const pseudo: Readonly<Record<string, string>> = { "AWS::Partition": partition || "aws", "AWS::Region": region, "AWS::AccountId": account };
  const variable = environmentVariable(name);
  const value = Object.hasOwn(substitutions, name) ? substitutions[name] : (process.env[name] ?? process.env[variable] ?? (pseudo[name] || undefined));
  if (value === undefined) {
    throw new StatesError(
      "States.Runtime",
      `State ${JSON.stringify(info.state)}: no value for \${${name}} in ${where}; pass makeHandler({ substitutions: { ${JSON.stringify(name)}: … } }) or set the environment variable ${variable}`,
    );
  }
  return value;
}

/**
 * `options` with the deploy-time placeholders it lists (`options.placeholders`) replaced in the given fields, as Step
 * Functions replaced DefinitionSubstitutions when the machine was deployed (see resolvePlaceholders).
 */
export function withPlaceholderValues<T extends { state: string; placeholders?: readonly string[] }>(run: Run, options: T, fields: ReadonlyArray<keyof T>): T {
  const names = options.placeholders;
  if (names === undefined || names.length === 0) return options;
  const info = { state: options.state, stateMachineArn: run.execution.stateMachine.id };
  const resolved = { ...options };
  for (const field of fields) {
    if (options[field] !== undefined) resolved[field] = resolvePlaceholders(options[field], names, run.execution.substitutions ?? {}, info);
  }
  return resolved;
}
